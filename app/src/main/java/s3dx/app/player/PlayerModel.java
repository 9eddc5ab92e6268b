package s3dx.app.player;

import static s3dx.app.i18n.I18n.t;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;
import java.util.function.BiConsumer;
import s3dx.app.jobs.Workers;
import s3dx.video.VideoReader;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import s3dx.app.files.RecentFiles;
import s3dx.app.i18n.ErrorText;
import s3dx.app.ui.Fmt;
import s3dx.app.video.ModelChoice;
import s3dx.app.video.ModelLoader;
import s3dx.app.video.Playback;
import s3dx.app.video.PredictionEngine;
import s3dx.assets.Assets;
import s3dx.infer.UntrainedModel;
import s3dx.infer.WindowPredictor;
import s3dx.infer.WindowPredictor.Prediction;
import s3dx.infer.WindowPredictor.Windowing;
import s3dx.net.Design;
import s3dx.net.Preprocessing;
import s3dx.net.PresetMatch;
import s3dx.video.RgbFrame;
import s3dx.video.VideoException;

/**
 * The player's state, without its controls: the video and playhead, the windowing knobs, the model (loaded by a
 * {@link ModelLoader}), and the predictions so far (a {@link PredictionTimeline} filled by a
 * {@link PredictionEngine}). Observable properties, changed on the FX thread; {@link PlayerView} binds to them and
 * draws. Decoding, model loading and inference each run on their own worker.
 */
public final class PlayerModel {
    /** The model's clip and the windows it is run on: T frames, every step-th, a window every stride frames. */
    public final IntegerProperty clipLength = new SimpleIntegerProperty(16), step = new SimpleIntegerProperty(1),
            stride = new SimpleIntegerProperty(8), average = new SimpleIntegerProperty(1);
    /** Play the picture backward and feed the windows time-reversed (the paper's experiment). */
    public final BooleanProperty reversed = new SimpleBooleanProperty(), loop = new SimpleBooleanProperty(true);
    public final DoubleProperty speed = new SimpleDoubleProperty(1);

    private final Path assets;
    private final ObservableValue<Design> design;
    private final List<ModelChoice> demos;
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final ModelLoader loader = new ModelLoader("s3dx-model-loader", this::install);
    private final PredictionEngine engine;
    private final PredictionTimeline timeline = new PredictionTimeline();
    private final AtomicReference<Playback.Shown> pendingFrame = new AtomicReference<>();
    private final ReadOnlyObjectWrapper<Path> video = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RgbFrame> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper currentFrame = new ReadOnlyLongWrapper(), frameCount = new ReadOnlyLongWrapper(1),
            timelineVersion = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper playing = new ReadOnlyBooleanWrapper(), modelReady = new ReadOnlyBooleanWrapper(),
            untrained = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Prediction> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<WindowPredictor> predictor = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ModelLoader.Loaded> loaded = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(""), modelStatus = new ReadOnlyStringWrapper(t("player.noModel"));
    private final AnimationTimer frameTimer;
    private final ReadOnlyObjectWrapper<RecentFiles> recentVideos = new ReadOnlyObjectWrapper<>();
    private Playback playback;
    private boolean settingClip, disposed;
    private long opening;   // the latest video asked for: an older one that opens later is dropped
    private boolean openInFlight, playWhenOpen;   // play() while a video opens plays it once shown
    private BiConsumer<String, String> onProblem = (header, text) -> {};

    /** {@code design}: the design to follow with a matching model (null: none); {@code assets}: demo models and clips. */
    public PlayerModel(ObservableValue<Design> design, Path assets) {
        this.design = design;
        this.assets = assets;
        this.demos = ModelChoice.demos(Assets.models(assets));
        this.engine = new PredictionEngine(r -> Platform.runLater(() -> accept(r)), msg -> Platform.runLater(() -> status.set(msg)));
        models.setAll(demos);
        clipLength.addListener((o, a, b) -> clipChanged());
        for (ObservableValue<?> v : List.of(step, stride, reversed)) v.addListener((o, a, b) -> windowingChanged());
        average.addListener((o, a, b) -> timelineVersion.set(timelineVersion.get() + 1));
        speed.addListener((o, a, b) -> { if (playback != null) playback.setSpeed(b.doubleValue()); });
        loop.addListener((o, a, b) -> { if (playback != null) playback.setLoop(b); });
        reversed.addListener((o, a, b) -> { if (playback != null) playback.setBackward(b); });
        loader.jobProperty().addListener((o, a, job) -> {
            ModelChoice choice = loader.wantedProperty().get();
            modelReady.set(false);
            modelStatus.bind(job.messageProperty());
            job.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
                if (loader.jobProperty().get() == job) modelFailed(choice, job);
            });
        });
        frameTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                Playback.Shown s = pendingFrame.getAndSet(null);
                if (s != null) showFrame(s);
            }
        };
        frameTimer.start();
        if (design != null) {
            PauseTransition debounce = new PauseTransition(Duration.millis(600));
            debounce.setOnFinished(e -> followDesign());
            design.addListener((o, a, b) -> debounce.playFromStart());
        }
        followDesign();
    }

    // ---- video ----

    /**
     * Opens a video off the FX thread, then shows it paused at its first frame. A file that cannot be read keeps the
     * video in view and says why: in {@link #statusProperty()} and to the {@link #setOnProblem problem handler}.
     */
    /** True from {@link #open} until the video is shown or has failed (FX thread). */
    public boolean opening() {
        return openInFlight;
    }

    public void open(Path file) {
        long generation = ++opening;
        openInFlight = true;
        status.set(t("player.openingVideo", file.getFileName()));
        Task<VideoReader> task = new Task<>() {
            @Override
            protected VideoReader call() throws VideoException {
                return VideoReader.open(file);
            }
        };
        task.setOnSucceeded(e -> {
            if (generation == opening && !disposed) show(file, task.getValue());
            else task.getValue().close();
        });
        task.setOnFailed(e -> {
            if (generation != opening) return;
            openInFlight = playWhenOpen = false;
            String why = ErrorText.of(task.getException());
            status.set(why);
            onProblem.accept(t("error.openVideo"), why);
        });
        // its own thread: a file FFmpeg is slow to probe never holds up the next one the user opens
        Workers.start(task, "s3dx-video-open", Workers.Load.LIGHT);
    }

    private void show(Path file, VideoReader reader) {
        openInFlight = false;
        if (playback != null) playback.close();
        playback = new Playback(reader, pendingFrame::set, msg -> Platform.runLater(() -> status.set(msg)));
        boolean demo = demoClips().contains(file) || plainClips().contains(file);   // demo clips have their own menu
        if (recentVideos.get() != null && !demo) recentVideos.get().add(file);
        video.set(file);
        playback.setLoop(loop.get());
        playback.setSpeed(speed.get());
        playback.setBackward(reversed.get());
        frameCount.set(playback.frameCount());
        currentFrame.set(0);
        playing.set(false);
        timeline.clear();
        engine.setVideo(file);
        var i = playback.info();
        status.set(t("player.videoInfo", file.getFileName(), i.width(), i.height(), playback.fps(), playback.frameCount()));
        changed();
        if (playWhenOpen) play();
    }

    /** Who hears of a video or model the user chose that cannot be used: a header and the message (the view shows a dialog). */
    public void setOnProblem(BiConsumer<String, String> handler) {
        onProblem = handler;
    }

    /** Opens the demo clip {@code name} (file name without its extension) if there is one. */
    public boolean openClip(String name) {
        for (Path p : demoClips()) {
            if (Fmt.stem(p).equals(name)) {
                open(p);
                return true;
            }
        }
        return false;
    }

    public List<Path> demoClips() {
        return Assets.clips(assets);
    }

    /** Demo clips of the same motions drawn by another renderer: how the models fare on clips unlike their training. */
    public List<Path> plainClips() {
        return Assets.plainClips(assets);
    }

    /** Keeps the videos opened here in {@code list} (the view offers them under "Recent videos"). */
    public void rememberVideosIn(RecentFiles list) {
        recentVideos.set(list);
    }

    public ReadOnlyObjectProperty<RecentFiles> recentVideosProperty() {
        return recentVideos.getReadOnlyProperty();
    }

    public void play() {
        playWhenOpen = openInFlight;
        if (playback == null || openInFlight) return;
        playback.play();
        playing.set(true);
    }

    public void pause() {
        playWhenOpen = false;
        if (playback == null) return;
        playback.pause();
        playing.set(false);
    }

    public void togglePlay() {
        if (playing.get()) pause();
        else play();
    }

    public void stepFrames(int delta) {
        if (playback == null) return;
        playback.step(delta);
        playing.set(false);
    }

    public void seekTo(long f) {
        if (playback != null) playback.seek(f);
    }

    public double fps() {
        return playback == null ? 25 : playback.fps();
    }

    private void showFrame(Playback.Shown s) {
        frame.set(s.frame());
        currentFrame.set(s.index());
        if (playback != null && !playback.isPlaying()) playing.set(false);
        requestPrediction();
        shown.set(timeline.at(windowStart()));
    }

    // ---- model ----

    /** Loads {@code choice} in the background; the player keeps going with the old model until it is ready. */
    public void useModel(ModelChoice choice) {
        if (!models.contains(choice)) {   // one model of each kind besides the demos
            models.removeIf(c -> c.getClass() == choice.getClass() && !(c instanceof ModelChoice.Demo));
            models.add(choice);
        }
        loader.load(choice);
    }

    /** Loads a model file the user picked or dropped (ONNX, a PyTorch checkpoint, or safetensors weights for the design). */
    public void openModelFile(Path file) {
        useModel(ModelChoice.forFile(file, clipLength.get(), design == null ? null : design.getValue()));
    }

    /** Lists a model without switching to it (a trained model just saved): one file model at a time besides the one in use. */
    public void offerModel(ModelChoice choice) {
        if (models.contains(choice)) return;
        models.removeIf(c -> c.getClass() == choice.getClass() && c != loader.wantedProperty().get() && !(c instanceof ModelChoice.Demo));
        models.add(choice);
    }

    /** Stops loading a model: the player goes on with the one it has. */
    public void cancelModelLoad() {
        var job = loader.jobProperty().get();
        if (job == null || job.isDone()) return;
        loader.cancel();
        modelReady.set(loader.installedProperty().get() != null);
        loadEnded(t("player.modelCancelled"));
    }

    /** A design change picks the design's model: a demo or the trained model of that architecture, else seeded weights. */
    private void followDesign() {
        ModelChoice current = loader.wantedProperty().get();
        if (current != null && current.chosenByUser()) return;   // a model the user opened stays until they choose another
        Design d = design == null ? null : design.getValue();
        if (current instanceof ModelChoice.Trained && d != null && PresetMatch.sameArchitecture(current.design(), d)) return;
        var demo = ModelChoice.matching(demos, d);
        if (demo.isPresent()) useModel(demo.get());
        else if (d != null) useModel(ModelChoice.untrained(d, clipLength.get()));
        else if (!demos.isEmpty()) useModel(demos.get(0));
    }

    /** The model in use stays (and the menu shows it again); a file the user chose is taken off the menu and its problem shown. */
    private void modelFailed(ModelChoice choice, Task<?> job) {
        loadEnded(ModelLoader.outcome(job));
        modelReady.set(loader.installedProperty().get() != null);
        if (choice != null && choice.chosenByUser()) {
            models.remove(choice);
            onProblem.accept(t("error.openModel"), ErrorText.of(job.getException()));
        }
    }

    private void loadEnded(String message) {
        modelStatus.unbind();
        modelStatus.set(message);
    }

    private void install(ModelLoader.Loaded m) {
        WindowPredictor p = m.predictor();
        Preprocessing pre = p.preprocessing();
        long t = m.session().inputShape()[2];
        untrained.set(m.choice().untrained() || m.session().info().map(i -> UntrainedModel.BANNER.equals(i.description())).orElse(false));
        loadEnded(t("player.modelStatus", m.choice().name(), t > 0 ? t : "T", pre.cropSize(), pre.cropSize(), p.labels().size()));
        if (t > 0 && clipLength.get() != t) {
            settingClip = true;
            clipLength.set((int) t);
            settingClip = false;
        }
        loaded.set(m);
        predictor.set(p);
        engine.setWindowing(windowing());
        engine.setModel(m.session(), p);
        timeline.clear();
        modelReady.set(true);
        requestPrediction();
        changed();
    }

    private void clipChanged() {
        if (settingClip) return;
        ModelChoice current = loader.wantedProperty().get();
        if (current != null && current.untrained()) useModel(ModelChoice.untrained(current.design(), clipLength.get()));
        else if (predictor.get() != null) windowingChanged();
    }

    // ---- predictions ----

    public Windowing windowing() {
        return new Windowing(clipLength.get(), step.get(), stride.get(), reversed.get());
    }

    private void windowingChanged() {
        engine.setWindowing(windowing());
        timeline.clear();
        requestPrediction();
        changed();
    }

    /** The first frame of the window shown at the playhead. */
    public long windowStart() {
        return Math.max(0, windowing().latestStartEndingAt(currentFrame.get()));
    }

    private void requestPrediction() {
        if (playback == null || predictor.get() == null) return;
        long start = windowStart();
        Prediction known = timeline.get(start);
        if (known == null) engine.request(start);
        else if (known.energy().isEmpty()) engine.requestAgain(start); // its overlay was dropped to save memory
    }

    private void accept(PredictionEngine.Result r) {
        if (r.generation() != engine.generation()) return;
        timeline.put(r.prediction());
        changed();
    }

    /** The timeline or the window in view changed. */
    private void changed() {
        shown.set(timeline.at(windowStart()));
        timelineVersion.set(timelineVersion.get() + 1);
    }

    /** The shown window's probabilities averaged over the last {@link #average} windows, best {@code k} first. */
    public List<WindowPredictor.Ranked> averagedTop(int k) {
        Prediction p = shown.get();
        return p == null ? null : timeline.averaged(p, average.get()).top(k);
    }

    // ---- read-only state ----

    public ReadOnlyObjectProperty<Path> videoProperty() {
        return video.getReadOnlyProperty();
    }

    /** The frame on screen (set on the FX thread as decoded frames arrive). */
    public ReadOnlyObjectProperty<RgbFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty currentFrameProperty() {
        return currentFrame.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty frameCountProperty() {
        return frameCount.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty playingProperty() {
        return playing.getReadOnlyProperty();
    }

    /** Counts changes of the timeline, so that views redraw its charts. */
    public ReadOnlyLongProperty timelineVersionProperty() {
        return timelineVersion.getReadOnlyProperty();
    }

    public PredictionTimeline timeline() {
        return timeline;
    }

    /** The window shown now: the latest predicted one that ends at or before the playhead. */
    public ReadOnlyObjectProperty<Prediction> shownPredictionProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty modelReadyProperty() {
        return modelReady.getReadOnlyProperty();
    }

    /** Whether the model in use has seeded weights (the view shows a banner). */
    public ReadOnlyBooleanProperty untrainedProperty() {
        return untrained.getReadOnlyProperty();
    }

    /** The model in use: its choice, session and predictor (null before the first has loaded). */
    public ReadOnlyObjectProperty<ModelLoader.Loaded> loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<WindowPredictor> predictorProperty() {
        return predictor.getReadOnlyProperty();
    }

    /** The line that says which model runs, or why none could be loaded. */
    public ReadOnlyStringProperty modelStatusProperty() {
        return modelStatus.getReadOnlyProperty();
    }

    /** Video information and errors opening or decoding it. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The models offered (demos, and one of each other kind). */
    public ObservableList<ModelChoice> models() {
        return models;
    }

    public ModelLoader loader() {
        return loader;
    }

    public PredictionEngine engine() {
        return engine;
    }

    /** Stops decoding, model loading and inference. */
    public void dispose() {
        disposed = true;
        frameTimer.stop();
        if (playback != null) playback.close();
        engine.close();
        loader.close();
    }
}
