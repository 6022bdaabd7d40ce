package frontier.app.editor;

/**
 * What is wrong with a scenario being edited, in the app's words.
 *
 * @param path    the JSON path of the field at fault ({@code $.pools[0].keep_alive_s}), or {@code $} for the whole
 * @param where   the same place as people read it ("Pools › gpu › Keep-alive (s)"), empty for the whole
 * @param message what is wrong and what is expected
 * @param line    the line of the JSON text at fault (1-based), or 0 when not known
 */
public record Problem(String path, String where, String message, int line) {
    /** "Pools › gpu › Keep-alive (s): expected …", or "Line 5: …" for JSON text. */
    public String text() {
        String place = !where.isEmpty() ? where : line > 0 ? "Line " + line : "";
        return place.isEmpty() ? message : place + ": " + message;
    }
}
