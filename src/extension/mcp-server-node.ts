// The desktop extension registers `testbed-lint mcp` with VS Code (the `mcpServerDefinitionProviders` contribution), so
// agent mode and other chat features can use the MCP server without installing the npm package: it runs the VSIX's own
// dist/cli.js on the extension host's runtime (Electron as Node, or Node in a remote host). The web has no processes.
/// <reference types="vscode" />
import * as vscode from 'vscode';
import { join } from 'node:path';
import { VERSION } from '../api/index.js';

export const MCP_PROVIDER_ID = 'testbedLint.mcp';

/** The server's definition: `<runtime> <extension>/dist/cli.js mcp`, started in the first workspace folder. */
export function mcpServerDefinition(extensionPath: string): vscode.McpStdioServerDefinition {
  const server = new vscode.McpStdioServerDefinition(
    'Testbed Lint',
    process.execPath,
    [join(extensionPath, 'dist', 'cli.js'), 'mcp'],
    { ELECTRON_RUN_AS_NODE: '1' },
    VERSION,
  );
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder?.uri.scheme === 'file') server.cwd = folder.uri;
  return server;
}

export function registerMcpServer(extensionPath: string): vscode.Disposable[] {
  if (typeof vscode.lm?.registerMcpServerDefinitionProvider !== 'function') return [];
  return [
    vscode.lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
      provideMcpServerDefinitions: () => [mcpServerDefinition(extensionPath)],
    }),
  ];
}
