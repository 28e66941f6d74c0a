// What the tpl tests share: evaluating a text that must fail, and getting its TemplateError.
import { tpl, TemplateError, type TplOptions } from '../../../src/renderer/gotemplate/index.js';

/** The TemplateError `tpl(text, data)` throws; a test failure when it renders or throws anything else. */
export function tplError(text: string, data: unknown = {}, options?: TplOptions): TemplateError {
  try {
    tpl(text, data, options);
  } catch (e) {
    if (e instanceof TemplateError) return e;
    throw e;
  }
  throw new Error(`no error for ${text}`);
}
