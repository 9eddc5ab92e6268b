package s3dx.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one place where files the user names are checked before they are opened. Inputs must be regular
 * files (checked with stat, never opened first, so a FIFO or a device is refused instead of blocking or
 * streaming forever) no larger than a reader's limit. Outputs must not be one of the inputs and must not
 * be something other than a regular file; they are written to a temporary file beside the target and moved
 * over it only when the writer succeeds, so a failing command never truncates what was there. The temporary
 * file is created like any new file (mode 0666 less the umask), not 0600 as {@code createTempFile} would.
 */
public final class UserFiles {

    private UserFiles() {}

    /** Writes an output file's contents; may fail with its own checked exception {@code E} too. */
    @FunctionalInterface
    public interface Writer<E extends Exception> {
        void write(OutputStream out) throws IOException, E;
    }

    /**
     * Checks that {@code file} is a readable regular file of at most {@code maxBytes}; returns its size.
     * Says what it is otherwise (directory, FIFO, device...), naming the file.
     */
    public static long checkInput(Path file, long maxBytes) throws FileProblem {
        BasicFileAttributes a = attributes(file);
        if (a == null) throw new FileProblem(file, "no such file");
        if (!a.isRegularFile()) throw new FileProblem(file, "is " + kind(a) + ", not a regular file");
        if (!Files.isReadable(file)) throw new FileProblem(file, "permission denied");
        if (a.size() > maxBytes) {
            throw new FileProblem(file, "is " + a.size() + " bytes; files larger than " + maxBytes + " bytes ("
                    + human(maxBytes) + ") are refused");
        }
        return a.size();
    }

    /** {@link #checkInput(Path, long)} without a size limit. */
    public static long checkInput(Path file) throws FileProblem {
        return checkInput(file, Long.MAX_VALUE);
    }

    /**
     * Checks that {@code out} may be written: not one of {@code inputs} (by real path, so links and
     * {@code ./a/../a} count), not an existing directory, device or FIFO, in a folder that exists.
     */
    public static void checkOutput(Path out, Path... inputs) throws FileProblem {
        BasicFileAttributes a = attributes(out);
        if (a != null && !a.isRegularFile()) {
            throw new FileProblem(out, "is " + kind(a) + "; an output must be a regular file or a new name");
        }
        for (Path in : inputs) {
            if (in != null && sameFile(out, in)) {
                throw new FileProblem(out, "is also an input (" + in + "); choose another output name so the input is not overwritten");
            }
        }
        Path dir = out.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) throw new FileProblem(out, "its folder " + dir + " does not exist");
    }

    /**
     * Writes {@code out} through a temporary file in the same folder, moved over the target only when
     * {@code writer} returns normally; on any failure the target is left as it was and the temporary file removed.
     */
    public static <E extends Exception> void write(Path out, Writer<E> writer) throws IOException, E {
        checkOutput(out);
        Path target = out.toAbsolutePath();
        Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (OutputStream o = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.write(o);
            }
            checkOutput(out); // it may have become something else while we wrote
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new FileProblem(out, "cannot create a temporary file beside it (" + tmp.getFileName() + " exists)");
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Whether two paths name the same existing file. */
    public static boolean sameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    private static BasicFileAttributes attributes(Path file) throws FileProblem {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new FileProblem(file, "cannot be read (" + e.getMessage() + ")");
        }
    }

    private static String kind(BasicFileAttributes a) {
        if (a.isDirectory()) return "a folder";
        if (a.isOther()) return "a device, FIFO or socket";
        return "not a regular file";
    }

    private static String human(long bytes) {
        return bytes >= 1L << 30 ? (bytes >> 30) + " GiB" : (bytes >> 20) + " MiB";
    }

    /** A file that cannot be used for what it was given for; the message starts with the file. */
    public static final class FileProblem extends IOException {
        private final String problem;

        public FileProblem(Path file, String problem) {
            super(file + ": " + problem);
            this.problem = problem;
        }

        /** The message without the file. */
        public String problem() {
            return problem;
        }
    }
}
