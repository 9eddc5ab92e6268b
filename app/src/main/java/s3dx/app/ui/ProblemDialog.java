package s3dx.app.ui;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * The one way the app says that a file (or anything else the user asked for) could not be used: an error dialog
 * with a header (what was being done) and the runtime's message (the file and the problem, never a stack trace).
 * Shown without waiting, so the caller goes on and the window stays as it was.
 */
public final class ProblemDialog {
    /** The id of the dialog's pane, for tests. */
    public static final String ID = "problem-dialog";

    private ProblemDialog() {
    }

    /** Shows the dialog over {@code owner}'s window (none yet: a free dialog). */
    public static Alert show(Node owner, String header, String text) {
        return show(owner == null || owner.getScene() == null ? null : owner.getScene().getWindow(), header, text);
    }

    public static Alert show(Window owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.setHeaderText(header);
        a.getDialogPane().setId(ID);
        a.getDialogPane().setPrefWidth(560);
        if (owner != null) a.initOwner(owner);
        a.show();
        return a;
    }
}
