package s3dx.net;

/** A design that breaks a rule of the spec; {@link #field()} names the setting to change. */
public class DesignException extends IllegalArgumentException {
    private final String field;

    public DesignException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
