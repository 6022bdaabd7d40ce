/**
 * Text that leaves Frontier for other programs: {@link frontier.text.Csv} (every CSV the CLI and the app
 * write: RFC 4180 quoting, spreadsheet formulas neutralised), {@link frontier.text.Printable} (input echoed
 * in messages, control characters made visible) and {@link frontier.text.AtomicFile} (a file written through a
 * temporary file and a rename). Plain Java with no project dependencies, so every layer may
 * use it.
 */
package frontier.text;
