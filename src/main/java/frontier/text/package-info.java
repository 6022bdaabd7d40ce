/**
 * Text that leaves Frontier for other programs: {@link frontier.text.Csv} (every CSV the CLI and the app
 * write: RFC 4180 quoting, spreadsheet formulas neutralised) and {@link frontier.text.Printable} (input echoed
 * in messages, control characters made visible). Plain Java with no project dependencies, so every layer may
 * use it.
 */
package frontier.text;
