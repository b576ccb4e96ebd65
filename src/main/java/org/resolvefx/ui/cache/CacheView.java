package org.resolvefx.ui.cache;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.util.Callback;
import org.kordamp.ikonli.javafx.FontIcon;
import org.resolvefx.core.playback.PlaybackState;
import org.resolvefx.core.trace.CacheEntry;
import org.resolvefx.core.trace.Endpoint;
import org.resolvefx.core.trace.Trace;
import org.resolvefx.ui.i18n.I18n;
import org.resolvefx.ui.trace.TraceViewModel;
import org.xbill.DNS.Type;

/**
 * The resolver's cache at the cursor: one row per cached RRset or negative answer, with its TTL
 * counting down on the trace clock, where it came from and its data. Entries stored by the current
 * event are marked "new", entries that died since the previous position stay a moment struck through
 * and marked "expired", negative entries (NXDOMAIN, NODATA) carry their own icon and text.
 *
 * <p>Everything shown is a function of {@link TraceViewModel#stateProperty()} and
 * {@link #clockMicrosProperty()} only, so stepping back restores exactly what was shown.
 *
 * <p>TTL countdown while playing: whoever runs the trace clock (the player) sets or binds
 * {@link #clockMicrosProperty()} to the trace-clock time it is at; the view then shows
 * {@code state.cacheAt(clock)}. A clock at or before the cursor's event time (for instance 0, the
 * default, or a stale value after a step back) shows the cursor's own cache; a clock beyond the next
 * event's time is held there.
 */
public final class CacheView extends BorderPane {

    /** This view's stylesheet (added to the view itself; the theme files stay untouched). */
    public static final String STYLESHEET = Objects.requireNonNull(
            CacheView.class.getResource("/org/resolvefx/ui/cache/cache.css"), "cache.css").toExternalForm();

    private final TraceViewModel model;
    private final LongProperty clockMicros = new SimpleLongProperty(0);
    private final ObservableList<CacheRow> rows = FXCollections.observableArrayList();
    private final TableView<CacheRow> table = new TableView<>(rows);
    private final Label timeLabel = new Label();
    private final Label countLabel = new Label();
    private final Label placeholder = new Label();
    private final Text emProbe = new Text();
    private final DoubleProperty em = new SimpleDoubleProperty(14);
    private String placeholderKey;

    /** True when the cursor or clock moved while the view was not in a scene (see refresh). */
    private boolean behind;

    public CacheView(TraceViewModel model) {
        this.model = Objects.requireNonNull(model, "model");
        getStyleClass().add("cache-view");
        getStylesheets().add(STYLESHEET);

        Label title = new Label();
        title.textProperty().bind(I18n.text("cache.title"));
        title.getStyleClass().add("view-title");
        Tooltip order = new Tooltip();
        order.textProperty().bind(I18n.text("cache.order.tip"));
        title.setTooltip(order);
        timeLabel.setId("cache-time");
        timeLabel.getStyleClass().add("cache-time");
        countLabel.setId("cache-count");
        countLabel.getStyleClass().add("cache-count");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        emProbe.getStyleClass().add("cache-em");
        emProbe.setManaged(false);
        emProbe.setVisible(false);
        HBox header = new HBox(12, title, timeLabel, spacer, countLabel, emProbe);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("view-toolbar");

        table.setId("cache-table");
        table.getStyleClass().add("cache-table");
        table.setPlaceholder(placeholder);
        placeholder.getStyleClass().add("cache-placeholder");
        placeholder.setWrapText(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.getColumns().addAll(List.of(statusColumn(),
                textColumn("cache.column.name", 12, 6, "cache-col-name", r -> nameText(r.entry())),
                textColumn("cache.column.type", 4.5, 4, "cache-col-type", r -> Type.string(r.entry().type())),
                textColumn("cache.column.ttl", 7.5, 7.5, "cache-col-ttl", CacheView::ttlText),
                textColumn("cache.column.data", 14, 5, "cache-col-data", CacheView::dataText),
                textColumn("cache.column.source", 12, 5, "cache-col-source", this::sourceText)));
        table.setRowFactory(t -> new StatusRow());

        setTop(header);
        setCenter(table);

        emProbe.fontProperty().addListener((o, a, b) -> {
            em.set(b.getSize());
            // the constrained policy only redistributes on resize: let it run again for the new widths
            javafx.application.Platform.runLater(() -> {
                table.refresh();
                table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
                table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
            });
        });
        sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                catchUp();
            }
        });
        model.stateProperty().addListener((o, a, b) -> refresh());
        model.traceProperty().addListener((o, a, b) -> refresh());
        clockMicros.addListener((o, a, b) -> refresh());
        I18n.onLocaleChange(this, () -> {
            refresh();
            table.refresh();
        });
        refresh();
    }

    /** Trace-clock time to show, in microseconds (see the class comment). */
    public LongProperty clockMicrosProperty() {
        return clockMicros;
    }

    /** The rows shown now, in table order. */
    public List<CacheRow> rows() {
        catchUp();
        return List.copyOf(rows);
    }

    /** The table itself (for tests and keyboard focus). */
    public TableView<CacheRow> table() {
        catchUp();
        return table;
    }

    private void refresh() {
        if (getScene() == null) {
            // not on show (the lecture layout hides it): the clock ticks on every frame while playing, and
            // working out the cache for a view nobody sees was wasted. It catches up when shown or asked
            behind = true;
            return;
        }
        refreshNow();
    }

    private void catchUp() {
        if (behind) {
            refreshNow();
        }
    }

    private void refreshNow() {
        behind = false;
        PlaybackState s = model.state();
        if (s == null || model.trace() == null) {
            rows.clear();
            placeholder("cache.noTrace");
            timeLabel.setText("");
            countLabel.setText("");
            return;
        }
        Trace trace = model.trace();
        long next = s.position() < trace.events().size() ? trace.events().get(s.position()).atMicros() - 1
                : Long.MAX_VALUE;
        org.resolvefx.core.playback.CacheView cache = CacheRows.cacheAt(s, clockMicros.get(), next);
        List<CacheRow> now = CacheRows.rows(cache);
        if (!now.equals(rows)) {
            rows.setAll(now);
        }
        placeholder("cache.empty");
        timeLabel.setText(I18n.get("cache.at", clockText(cache.atMicros())));
        countLabel.setText(I18n.get("cache.count", cache.live().size(), cache.expired().size()));
    }

    private void placeholder(String key) {
        if (!key.equals(placeholderKey)) {
            placeholderKey = key;
            placeholder.textProperty().bind(I18n.text(key));
        }
    }

    /** "12.345 ms" below a second, "1.234 s" above. */
    static String clockText(long micros) {
        Locale l = I18n.locale();
        return Math.abs(micros) < 1_000_000 ? String.format(l, "%.3f ms", micros / 1000.0)
                : String.format(l, "%.3f s", micros / 1_000_000.0);
    }

    static String nameText(CacheEntry e) {
        String s = e.name().toString();
        return s.length() > 1 && s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String ttlText(CacheRow r) {
        return r.expired() ? I18n.get("cache.ttl.expired") : I18n.get("cache.ttl", r.remainingSeconds());
    }

    static String dataText(CacheRow r) {
        CacheEntry e = r.entry();
        String data = String.join(", ", e.rdata());
        if (!e.negative()) {
            return data;
        }
        return r.nxdomain() ? I18n.get("cache.negative.nxdomain", data)
                : I18n.get("cache.negative.data", Type.string(e.type()), data);
    }

    String sourceText(CacheRow r) {
        CacheEntry e = r.entry();
        String source;
        if ("hints".equals(e.sourceId())) {
            source = I18n.get("cache.source.hints");
        } else {
            Trace t = model.trace();
            source = t == null ? e.sourceId() : t.endpoint(e.sourceId()).map(Endpoint::displayName)
                    .orElse(e.sourceId());
        }
        if (e.storedAtMicros() < 0 && !"hints".equals(e.sourceId())) {
            source = source + " \u00b7 " + I18n.get("cache.source.before");
        }
        String sectionKey = "cache.section." + e.section();
        String section = switch (e.section()) {
            case "answer", "authority", "additional", "hints" -> I18n.get(sectionKey);
            default -> e.section();
        };
        return "hints".equals(e.section()) && "hints".equals(e.sourceId()) ? source
                : I18n.get("cache.from", source, section);
    }

    /** Everything about one entry, for the row's tooltip. */
    String rowTip(CacheRow r) {
        CacheEntry e = r.entry();
        String ttl = r.expired() ? I18n.get("cache.ttl.expired") : I18n.get("cache.ttl.of", r.remainingSeconds(),
                e.ttlSeconds());
        return I18n.get("cache.tip", nameText(e), Type.string(e.type()), statusText(r), ttl, dataText(r),
                sourceText(r));
    }

    static String statusText(CacheRow r) {
        StringBuilder sb = new StringBuilder();
        sb.append(I18n.get(!r.negative() ? "cache.status.positive"
                : r.nxdomain() ? "cache.status.nxdomain" : "cache.status.nodata"));
        if (r.addedNow()) {
            sb.append(" \u00b7 ").append(I18n.get("cache.status.new"));
        }
        if (r.expired()) {
            sb.append(" \u00b7 ").append(I18n.get("cache.status.expired"));
        }
        return sb.toString();
    }

    /**
     * The kind of entry as an icon whose shape differs (a tick, a bar, a stopped timer), with the words in
     * its tooltip and for screen readers: a column of words took a fifth of a narrow cache pane.
     */
    private TableColumn<CacheRow, CacheRow> statusColumn() {
        TableColumn<CacheRow, CacheRow> c = new TableColumn<>();
        Label header = new Label();
        header.setGraphic(new FontIcon("mdi2i-information-outline"));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(I18n.text("cache.column.status"));
        header.setTooltip(tip);
        header.accessibleTextProperty().bind(I18n.text("cache.column.status"));
        c.setGraphic(header);
        c.setCellValueFactory(f -> new SimpleObjectProperty<>(f.getValue()));
        c.setCellFactory(col -> new StatusCell(em));
        c.setSortable(false);
        c.setResizable(false);
        c.getStyleClass().add("cache-col-status");
        c.prefWidthProperty().bind(em.multiply(2.6));
        c.minWidthProperty().bind(em.multiply(2.6));
        c.maxWidthProperty().bind(em.multiply(2.6));
        return c;
    }

    private TableColumn<CacheRow, String> textColumn(String key, double widthEm, double minEm, String styleClass,
                                                     java.util.function.Function<CacheRow, String> text) {
        TableColumn<CacheRow, String> c = new TableColumn<>();
        c.textProperty().bind(I18n.text(key));
        Callback<TableColumn.CellDataFeatures<CacheRow, String>, ObservableValue<String>> value =
                f -> new SimpleStringProperty(text.apply(f.getValue()));
        c.setCellValueFactory(value);
        c.setSortable(false);
        c.getStyleClass().add(styleClass);
        c.prefWidthProperty().bind(em.multiply(widthEm));
        c.minWidthProperty().bind(em.multiply(minEm));
        return c;
    }

    /** Icon and words for the kind of entry: never colour alone. */
    private static final class StatusCell extends TableCell<CacheRow, CacheRow> {
        private final DoubleProperty em;

        StatusCell(DoubleProperty em) {
            this.em = em;
        }

        @Override
        protected void updateItem(CacheRow r, boolean empty) {
            super.updateItem(r, empty);
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            String icon = r.expired() ? "mdi2t-timer-off-outline" : r.negative() ? "mdi2c-cancel"
                    : "mdi2c-check-circle-outline";
            FontIcon g = new FontIcon(icon);
            // the base theme sizes icons in pixels and Ikonli cannot resolve em for its own font:
            // an inline size (stronger than any stylesheet) follows the root font instead
            g.setStyle(g.getStyle() + "; -fx-icon-size: " + Math.round(em.get() * 1.15) + "px;");
            g.getStyleClass().add("cache-status-icon");
            setGraphic(g);
            setText(null);
            // the words for screen readers; the row's tooltip shows them with the rest of the entry
            setAccessibleText(statusText(r));
        }
    }

    /**
     * Row style classes (new, expired, negative or positive) and a tooltip with the whole entry: in a narrow
     * cache pane the columns can cut the data and the source short.
     */
    private final class StatusRow extends TableRow<CacheRow> {
        private static final List<String> CLASSES = List.of("cache-new", "cache-expired", "cache-negative",
                "cache-positive");
        private final Tooltip tip = new Tooltip();

        @Override
        protected void updateItem(CacheRow r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().removeAll(CLASSES);
            setTooltip(empty || r == null ? null : tip);
            if (!empty && r != null) {
                tip.setText(rowTip(r));
                getStyleClass().add(r.negative() ? "cache-negative" : "cache-positive");
                if (r.addedNow()) {
                    getStyleClass().add("cache-new");
                }
                if (r.expired()) {
                    getStyleClass().add("cache-expired");
                }
            }
        }
    }
}
