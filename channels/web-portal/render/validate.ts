/**
 * HTML validation of rendered pages with html-validate (the `html-validate:recommended`
 * preset: HTML5 content models, WCAG-related rules such as img alt text and heading levels,
 * plus style rules). Used by tests and by the publishing activity before anything goes live.
 */
import { HtmlValidate } from 'html-validate';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Official Vietnamese headlines are often longer than 70 characters; the SEO-motivated
    // title length limit is stylistic and would force us to cut an official headline.
    'long-title': 'off',
  },
});

export interface ValidationResult {
  valid: boolean;
  /** "line:column rule-id message" per problem. */
  errors: string[];
}

/** Validates a complete HTML document. */
export async function validatePost(html: string): Promise<ValidationResult> {
  const report = await validator.validateString(html);
  const errors = report.results.flatMap((r) => r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`));
  return { valid: report.valid, errors };
}
