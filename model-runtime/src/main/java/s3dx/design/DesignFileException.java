package s3dx.design;

import java.nio.file.Path;

/** A design file that cannot be used; the message names the file and the problem. */
public class DesignFileException extends Exception {
    public DesignFileException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
