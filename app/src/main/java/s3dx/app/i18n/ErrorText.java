package s3dx.app.i18n;

import static s3dx.app.i18n.I18n.t;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import s3dx.checkpoint.CheckpointException;
import s3dx.design.DesignFileException;
import s3dx.files.UserFiles;
import s3dx.net.DesignException;
import s3dx.train.TrainingException;
import s3dx.weights.WeightMismatchException;
import s3dx.infer.InferenceException;
import s3dx.video.VideoException;

/**
 * Errors from the library, said in the UI's language. The library words its exceptions in English for the CLI
 * and logs, and also reports video and model problems as parts (what went wrong, the file, a raw detail); from
 * those this says "problem: file", adding the detail in brackets where there is one. Checkpoint, design file,
 * training, weight and file errors get a headline in the UI's language before the library's message (in English the
 * message alone); anything else shows its message as it is.
 */
public final class ErrorText {
    /** Library errors whose messages are English details: the bundle key of their headline (error.kind.KEY). */
    static final Map<Class<? extends Throwable>, String> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put(CheckpointException.class, "checkpoint");
        KINDS.put(DesignFileException.class, "designFile");
        KINDS.put(TrainingException.class, "training");
        KINDS.put(WeightMismatchException.class, "weights");
        KINDS.put(DesignException.class, "design");
        KINDS.put(UserFiles.FileProblem.class, "file");
    }

    private ErrorText() {
    }

    public static String of(Throwable e) {
        if (e instanceof VideoException v && v.problem() != VideoException.Problem.OTHER) {
            return say("error.video." + key(v.problem()), v.file(), v.detail());
        }
        if (e instanceof InferenceException i && i.problem() != InferenceException.Problem.OTHER) {
            return say("error.model." + key(i.problem()), i.file(), i.detail());
        }
        String m = e == null ? null : e.getMessage();
        if (m == null || m.isBlank()) return t("error.unknown");
        for (Map.Entry<Class<? extends Throwable>, String> k : KINDS.entrySet()) {
            if (k.getKey().isInstance(e)) return t("error.kind." + k.getValue(), m);
        }
        return m;
    }

    /** The bundle key of a problem: {@code NOT_FOUND} is {@code notFound}. */
    public static String key(Enum<?> problem) {
        StringBuilder k = new StringBuilder();
        for (String part : problem.name().toLowerCase(java.util.Locale.ROOT).split("_")) {
            k.append(k.length() == 0 ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return k.toString();
    }

    private static String say(String key, Path file, String detail) {
        // The file name, not the path: status lines are narrow, and the user has just picked the file.
        String text = file == null ? t(key) : t("error.fileProblem", t(key), file.getFileName());
        return detail == null || detail.isBlank() ? text : t("error.detail", text, detail.strip());
    }
}
