// `testbed-lint mcp`: a Model Context Protocol server over stdio, for assistants (VS Code's agent mode, Claude Code,
// any MCP client). Its tools lint a plan, explain a rule with the plan's settings, return the plan with the safe
// fixes applied (writing nothing), list the rules and give a new plan's template; the rule pages are resources.
// Only the SDK's server and stdio modules are imported, so the bundle carries no HTTP transport.
import { McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { formatDay, localDayOf, parseIsoDate, rules, VERSION } from '../api/index.js';
import {
  explain,
  findingsText,
  fixedPlan,
  lintPlan,
  listRules,
  newPlanTemplate,
  OpError,
  type OpsContext,
  type PlanInput,
} from './plan-ops.js';

/** The URI of a rule's page as a resource. */
export const rulePageUri = (id: string): string => `testbed-lint://rules/${id}`;

const planShape = {
  path: z
    .string()
    .optional()
    .describe("The plan file to read, relative to the server's working folder (the workspace) or absolute."),
  text: z
    .string()
    .optional()
    .describe('The plan\'s text, instead of a path (such as an unsaved editor\'s); give "filename" with it.'),
  filename: z
    .string()
    .optional()
    .describe(
      'With "text": the plan\'s file name, such as plans/northside.testbed.md. Its extension picks Markdown or YAML; its folder, the config file that applies.',
    ),
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .describe('YYYY-MM-DD: the date the date rules count from. Default: today.'),
};

const findingShape = z.object({
  ruleId: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  message: z.string(),
  docs: z.string().describe("The rule page's URL."),
});

const reportShape = {
  file: z.string(),
  findings: z.array(findingShape),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
};

function failure(error: unknown): CallToolResult {
  if (error instanceof OpError) return { isError: true, content: [{ type: 'text', text: error.message }] };
  throw error;
}

function checkToday(today: string | undefined): void {
  if (today !== undefined && parseIsoDate(today) === undefined)
    throw new OpError(`"today" must be a real date as YYYY-MM-DD, got "${today}"`);
}

/** The server with its tools and resources, not yet connected. */
export function createMcpServer(ctx: OpsContext): McpServer {
  const server = new McpServer(
    { name: 'testbed-lint', title: 'Testbed Lint', version: VERSION },
    {
      instructions:
        'testbed-lint checks testbed plans (Markdown or YAML) against the three-point testbed framework. Lint a plan with ' +
        'lint_plan; explain a finding with explain_rule; get_fixed_plan returns the text with safe fixes applied and never ' +
        'writes a file: show it, or save it only when the user asks.',
    },
  );

  server.registerTool(
    'lint_plan',
    {
      title: 'Lint a testbed plan',
      description:
        'Checks a testbed plan and returns its findings (rule id, severity, line, column, message, docs URL), with the ' +
        'config file found next to the plan, as the testbed-lint CLI does. Give "path", or "text" with "filename". Reads only.',
      inputSchema: planShape,
      outputSchema: reportShape,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args: PlanInput) => {
      try {
        checkToday(args.today);
        const r = await lintPlan(args, ctx);
        return { content: [{ type: 'text', text: findingsText(r) }], structuredContent: { ...r } };
      } catch (error) {
        return failure(error);
      }
    },
  );

  server.registerTool(
    'get_fixed_plan',
    {
      title: 'Get the plan with safe fixes applied',
      description:
        'Returns the text of the plan with every safe fix applied, and the findings that remain. It does NOT write any ' +
        'file: the plan on disk stays as it is. To change the file, write the returned text yourself, after the user agrees.',
      inputSchema: planShape,
      outputSchema: {
        ...reportShape,
        text: z.string().describe('The fixed text of the whole plan.'),
        changed: z.boolean(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args: PlanInput) => {
      try {
        checkToday(args.today);
        const r = await fixedPlan(args, ctx);
        const head = r.changed
          ? `The fixed text of ${r.file} (not written to disk):`
          : `No safe fix applies to ${r.file}; its text is unchanged.`;
        return { content: [{ type: 'text', text: `${head}\n\n${r.text}` }], structuredContent: { ...r } };
      } catch (error) {
        return failure(error);
      }
    },
  );

  server.registerTool(
    'explain_rule',
    {
      title: 'Explain a rule',
      description:
        'Returns a rule\'s page (why it matters, failing and passing examples, options). With a plan ("path", or ' +
        '"filename"), it shows the severity and option values that plan is linted with, from the config file next to it.',
      inputSchema: {
        ruleId: z.string().describe('The rule id, such as customer-not-premier (the ruleId of a finding).'),
        path: z.string().optional().describe('A plan whose settings to show.'),
        filename: z.string().optional().describe('Instead of path: the file name of a plan not saved yet.'),
      },
      outputSchema: {
        ruleId: z.string(),
        page: z.string().describe('The page, in Markdown.'),
        plan: z
          .object({
            file: z.string(),
            config: z.string(),
            severity: z.string(),
            options: z.record(z.string(), z.unknown()),
          })
          .optional(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (args: { ruleId: string; path?: string | undefined; filename?: string | undefined }) => {
      try {
        const plan =
          args.path !== undefined || args.filename !== undefined
            ? { path: args.path, filename: args.filename }
            : undefined;
        const r = await explain(args.ruleId, plan, ctx);
        return { content: [{ type: 'text', text: r.page }], structuredContent: { ...r } };
      } catch (error) {
        return failure(error);
      }
    },
  );

  server.registerTool(
    'list_rules',
    {
      title: 'List the rules',
      description:
        "Lists every rule: id, category, default severity, whether it has a safe fix, what it checks, and its page's resource URI.",
      inputSchema: {},
      outputSchema: {
        rules: z.array(
          z.object({
            id: z.string(),
            category: z.string(),
            defaultSeverity: z.string(),
            fixable: z.string(),
            description: z.string(),
            docs: z.string(),
          }),
        ),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    () => {
      const list = listRules(rulePageUri);
      const text = list
        .map((r) => `${r.id} (${r.defaultSeverity}${r.fixable === 'safe' ? ', fixable' : ''}): ${r.description}`)
        .join('\n');
      return { content: [{ type: 'text', text }], structuredContent: { rules: list } };
    },
  );

  server.registerTool(
    'new_plan_template',
    {
      title: 'New plan template',
      description:
        'Returns the text of a new testbed plan with the given title, in Markdown or YAML, with prompts to fill in, and a file name for it. Writes nothing.',
      inputSchema: {
        title: z
          .string()
          .describe('The plan\'s title, such as "Vendor-managed inventory with Northside Community Hospital".'),
        form: z.enum(['markdown', 'yaml']).describe('markdown: front matter and sections; yaml: a YAML file.'),
        today: planShape.today,
      },
      outputSchema: { text: z.string(), filename: z.string() },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    (args: { title: string; form: 'markdown' | 'yaml'; today?: string | undefined }) => {
      try {
        checkToday(args.today);
        const r = newPlanTemplate(args.title, args.form, args.today ?? formatDay(localDayOf(new Date())));
        return { content: [{ type: 'text', text: r.text }], structuredContent: { ...r } };
      } catch (error) {
        return failure(error);
      }
    },
  );

  server.registerResource(
    'rule-page',
    new ResourceTemplate('testbed-lint://rules/{ruleId}', {
      list: () => ({
        resources: rules.map((r) => ({
          uri: rulePageUri(r.meta.id),
          name: r.meta.id,
          description: r.meta.description,
          mimeType: 'text/markdown',
        })),
      }),
    }),
    {
      title: 'Rule pages',
      description: "Each rule's page: why it matters, examples, options.",
      mimeType: 'text/markdown',
    },
    async (uri, variables) => {
      const id = String(variables.ruleId);
      const r = await explain(id, undefined, ctx);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: r.page }] };
    },
  );
  return server;
}

/** Serves over the process's stdin/stdout until the client closes the connection or stdin ends; exit code 0. */
export async function serveMcp(ctx: OpsContext): Promise<0> {
  const server = createMcpServer(ctx);
  const closed = new Promise<void>((resolve) => {
    server.server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(new StdioServerTransport());
  await closed;
  await server.close();
  return 0;
}
