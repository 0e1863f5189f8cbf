// The editor's config files (src/extension/config.ts): the core's one resolver over vscode.workspace.fs, on the
// desktop and the web. The resolver itself is tested over every adapter in test/unit/config-resolve.test.ts.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, Uri } from '../helpers/fake-vscode.js';

vi.mock('vscode', () => import('../helpers/fake-vscode.js'));
const { WorkspaceConfig } = await import('../../src/extension/config/workspace-config.js');

describe('WorkspaceConfig: config files through vscode.workspace.fs, on any file system', () => {
  beforeEach(() => fake.reset());

  it('reads a virtual workspace (vscode.dev, github.dev) as the desktop reads a folder', async () => {
    const root = Uri.parse('vscode-test-web://mount/repo');
    fake.workspaceFolders = [{ uri: root }];
    fake.files.set('vscode-test-web://mount/repo/.testbed-lint.yaml', 'rules:\n  customer-named: off\n');
    fake.files.set('vscode-test-web://mount/repo/bad/.testbed-lint.yaml', 'extends: ../../../outside.yaml\n');
    const config = new WorkspaceConfig();
    const changes: number[] = [];
    config.onDidChangeErrors(() => changes.push(1));
    const good = await config.forFile(Uri.parse('vscode-test-web://mount/repo/plans/p.testbed.md'));
    expect(good).toEqual({
      kind: 'lint',
      config: { rules: { 'customer-named': 'off' } },
      file: '/repo/.testbed-lint.yaml',
    });
    const bad = await config.forFile(Uri.parse('vscode-test-web://mount/repo/bad/p.testbed.md'));
    expect(bad?.kind === 'lint' && [bad.config, bad.notice?.count]).toEqual([{ rules: {} }, 1]);
    expect(config.errors().map((e) => [e.uri.toString(), e.errors.map((x) => x.message)])).toEqual([
      [
        'vscode-test-web://mount/repo/bad/.testbed-lint.yaml',
        [
          'cannot extend "../../../outside.yaml": it is outside the workspace, and config files outside it are not read',
        ],
      ],
    ]);
    expect(changes.length).toBe(1);
    config.reset();
    expect(config.errors()).toEqual([]);
    expect(changes.length).toBe(2);
  });

  it('gives no config to an untitled document: the settings apply', async () => {
    fake.workspaceFolders = [{ uri: Uri.parse('file:///repo') }];
    expect(await new WorkspaceConfig().forFile(Uri.parse('untitled:Untitled-1'))).toBeUndefined();
  });

  it("reports nothing for a config file that is gone (a watcher's change event after the delete)", async () => {
    fake.workspaceFolders = [{ uri: Uri.parse('file:///repo') }];
    const config = new WorkspaceConfig();
    await config.load(Uri.parse('file:///repo/.testbed-lint.yaml'));
    expect(config.errors()).toEqual([]);
  });
});

describe('ConfigDrafts: an unsaved config is checked from its buffer', () => {
  beforeEach(() => fake.reset());

  it("replaces the saved file's errors with the buffer's own while it is unsaved, and gives them back once it is not", async () => {
    const { ConfigDrafts } = await import('../../src/extension/config/config-drafts.js');
    const { EventEmitter } = await import('../helpers/fake-vscode.js');
    const uri = Uri.parse('file:///repo/.testbed-lint.yaml');
    const other = Uri.parse('file:///repo/sub/.testbed-lint.yaml');
    const savedChanged = new EventEmitter<void>();
    const savedError = { file: uri.path, line: 3, column: 3, message: 'unknown rule "x"' };
    const otherError = { file: other.path, line: 1, column: 1, message: 'syntax error: y' };
    const drafts = new ConfigDrafts({
      errors: () => [
        { uri, errors: [savedError] },
        { uri: other, errors: [otherError] },
      ],
      onDidChangeErrors: savedChanged.event,
    });
    let fired = 0;
    drafts.onDidChangeErrors(() => fired++);
    let text = 'rules:\n  counterpart-early: disabled\n';
    let isDirty = true;
    const document = {
      uri,
      get isDirty() {
        return isDirty;
      },
      getText: () => text,
    } as unknown as Parameters<typeof drafts.check>[0];
    drafts.check(document);
    expect(fired).toBe(1);
    expect(drafts.errors()).toEqual([
      { uri: other, errors: [otherError] },
      {
        uri,
        errors: [
          {
            file: '/repo/.testbed-lint.yaml',
            line: 2,
            column: 22,
            endLine: 2,
            endColumn: 30,
            message:
              'rule "counterpart-early": severity must be one of error, warning, info, off, got "disabled"; did you mean "off"?',
            replacements: ['off'],
          },
        ],
      },
    ]);
    // A buffer with no error hides the saved file's (it is what the writer will save).
    text = 'rules:\n  counterpart-early: off\n';
    drafts.check(document);
    expect(drafts.errors()).toEqual([{ uri: other, errors: [otherError] }]);
    // Undone to the saved text: the file's errors again.
    isDirty = false;
    drafts.check(document);
    expect(drafts.errors()).toEqual([
      { uri, errors: [savedError] },
      { uri: other, errors: [otherError] },
    ]);
    savedChanged.fire();
    expect(fired).toBe(4);
    drafts.dispose();
  });
});
