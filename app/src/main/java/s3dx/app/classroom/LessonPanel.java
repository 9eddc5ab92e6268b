package s3dx.app.classroom;

import static s3dx.app.i18n.I18n.t;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import s3dx.app.model.DesignModel;
import s3dx.app.model.TrainedResults;

/**
 * The guided-lessons side panel: a lesson chooser, the step's title and text, an optional action button,
 * Back / Next and a step counter. Each step is applied when it is shown: the design through the model,
 * the tab, clip and reversed playback through the {@link Host}.
 */
public final class LessonPanel extends VBox {
    /** What a step may ask of the rest of the window. */
    public interface Host {
        void showTab(String tab);

        void openClip(String name);

        void setReversed(boolean reversed);

        /** "reverse", "train", "gateAll", "topHeavy". */
        void act(String action);
    }

    private final DesignModel model;
    private final Lessons lessons;
    private final Host host;
    private final ChoiceBox<Lessons.Lesson> chooser = new ChoiceBox<>();
    private final Label counter = new Label(), title = new Label(), text = new Label(), accuracy = new Label();
    private final Button back = new Button(t("lesson.back")), next = new Button(t("lesson.next")), action = new Button();
    private final IntegerProperty lesson = new SimpleIntegerProperty(-1), step = new SimpleIntegerProperty(-1);

    public LessonPanel(DesignModel model, Lessons lessons, Host host) {
        this.model = model;
        this.lessons = lessons;
        this.host = host;
        setId("lesson-panel");
        getStyleClass().add("lesson-panel");
        setSpacing(10);
        Label head = new Label(t("lesson.panel"));
        head.getStyleClass().add("panel-title");
        head.setWrapText(true);
        chooser.getItems().setAll(lessons.lessons());
        chooser.setConverter(new StringConverter<>() {
            public String toString(Lessons.Lesson l) { return l == null ? "" : l.title(); }
            public Lessons.Lesson fromString(String s) { return null; }
        });
        chooser.setMaxWidth(Double.MAX_VALUE);
        chooser.setOnAction(e -> {
            int i = chooser.getSelectionModel().getSelectedIndex();
            if (i >= 0 && i != lesson.get()) go(i, 0);
        });
        title.getStyleClass().add("lesson-title");
        title.setWrapText(true);
        text.getStyleClass().add("lesson-text");
        text.setWrapText(true);
        text.setId("lesson-text");
        // the step's design as the user changes it: what it reached when trained on MotionShapes, or that it was not
        accuracy.getStyleClass().addAll("hint", "lesson-accuracy");
        accuracy.setWrapText(true);
        accuracy.setId("lesson-accuracy");
        TrainedResults trained = TrainedResults.shipped();
        accuracy.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> trained.sentence(model.getDesign()), model.designProperty()));
        counter.getStyleClass().add("lesson-counter");
        counter.setId("lesson-counter");
        action.setId("lesson-action");
        action.getStyleClass().add("lesson-action");
        action.managedProperty().bind(action.visibleProperty());
        back.setId("lesson-back");
        next.setId("lesson-next");
        back.setOnAction(e -> back());
        next.setOnAction(e -> next());
        back.setFocusTraversable(false);
        next.setFocusTraversable(false);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        // On a narrow panel the counter wraps onto two lines; the buttons keep their whole text.
        back.setMinWidth(Region.USE_PREF_SIZE);
        next.setMinWidth(Region.USE_PREF_SIZE);
        counter.setMinWidth(0);
        counter.setWrapText(true);
        counter.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        HBox nav = new HBox(8, back, grow, counter, next);
        nav.setAlignment(Pos.CENTER_LEFT);
        Region fill = new Region();
        VBox.setVgrow(fill, Priority.ALWAYS);
        getChildren().addAll(head, chooser, title, text, accuracy, action, fill, nav);
        setPrefWidth(330);
        setMinWidth(260);
    }

    public Lessons lessons() {
        return lessons;
    }

    public int lessonIndex() {
        return lesson.get();
    }

    public int stepIndex() {
        return step.get();
    }

    public Button nextButton() {
        return next;
    }

    /** Shows and applies step {@code s} of lesson {@code l}. */
    public void go(int l, int s) {
        Lessons.Lesson le = lessons.lessons().get(l);
        Lessons.Step st = le.steps().get(s);
        lesson.set(l);
        step.set(s);
        chooser.getSelectionModel().select(l);
        title.setText(st.title(le));
        text.setText(st.text(le));
        counter.setText(t("lesson.counter", s + 1, le.steps().size()));
        action.setVisible(st.action() != null);
        if (st.action() != null) {
            action.setText(t("lesson.action." + st.action()));
            action.setOnAction(e -> host.act(st.action()));
        }
        back.setDisable(l == 0 && s == 0);
        next.setDisable(l == lessons.lessons().size() - 1 && s == le.steps().size() - 1);
        model.edit(st::design);
        host.showTab(st.tab());
        if (st.clip() != null) host.openClip(st.clip());
        host.setReversed(Boolean.TRUE.equals(st.reversed()));
    }

    /** The next step, into the next lesson after a lesson's last step. */
    public void next() {
        if (lesson.get() < 0) {
            go(0, 0);
            return;
        }
        Lessons.Lesson le = lessons.lessons().get(lesson.get());
        if (step.get() + 1 < le.steps().size()) go(lesson.get(), step.get() + 1);
        else if (lesson.get() + 1 < lessons.lessons().size()) go(lesson.get() + 1, 0);
    }

    public void back() {
        if (step.get() > 0) go(lesson.get(), step.get() - 1);
        else if (lesson.get() > 0) go(lesson.get() - 1, lessons.lessons().get(lesson.get() - 1).steps().size() - 1);
    }
}
