package s3dx.app.i18n;

import static s3dx.app.i18n.I18n.t;

import java.nio.file.Path;
import s3dx.infer.InferenceException;
import s3dx.video.VideoException;

/**
 * Errors from the library, said in the UI's language. The library words its exceptions in English for the CLI
 * and logs, and also reports video and model problems as parts (what went wrong, the file, a raw detail); from
 * those this says "problem: file", adding the detail in brackets where there is one. Anything else shows its
 * message as it is.
 */
public final class ErrorText {
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
        return m == null || m.isBlank() ? t("error.unknown") : m;
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
