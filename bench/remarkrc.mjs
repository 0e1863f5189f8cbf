// The remark-cli configuration of the benchmark: front matter, then the recommended lint preset.
import remarkFrontmatter from 'remark-frontmatter';
import remarkPresetLintRecommended from 'remark-preset-lint-recommended';

export default { plugins: [remarkFrontmatter, remarkPresetLintRecommended] };
