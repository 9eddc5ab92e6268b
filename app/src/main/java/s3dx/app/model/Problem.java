package s3dx.app.model;

import s3dx.net.DesignException;

/**
 * An edit the network rejected: {@code field} names the setting (e.g. {@code frames}), {@code message} what to
 * change (in English, from the library); {@code cause} keeps the details for views that say it in their language.
 */
public record Problem(String field, String message, DesignException cause) {

    static Problem of(DesignException e) {
        String text = e.getMessage();
        String prefix = e.field() + ": ";
        return new Problem(e.field(), text.startsWith(prefix) ? text.substring(prefix.length()) : text, e);
    }

    /** True when this problem is about one of {@code fields}. */
    public boolean concerns(String... fields) {
        for (String f : fields) {
            if (f.equals(field)) return true;
        }
        return false;
    }
}
