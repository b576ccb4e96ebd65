package org.resolvefx.ui.capture;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import org.resolvefx.ui.i18n.I18n;

/** The DNS messages of the open file, one row each, as Wireshark's packet list shows them. */
public final class MessageListView extends BorderPane {
    private final TableView<MessageRow> table = new TableView<>();
    /** The pane's title; its CSS-resolved font gives the em for the column widths. */
    private final Label title = new Label();

    public MessageListView(ObservableList<MessageRow> rows) {
        getStyleClass().add("message-list-view");
        setId("message-list");
        table.getStyleClass().add("message-list");
        table.setItems(rows);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Label empty = new Label();
        empty.textProperty().bind(I18n.text("list.empty"));
        table.setPlaceholder(empty);

        // the Info column comes before protocol and length: in a side list it is the one that matters
        table.getColumns().add(column("list.col.no", r -> Long.toString(r.frame()), 4));
        table.getColumns().add(column("list.col.time", MessageRow::relativeTime, 6.5));
        table.getColumns().add(column("list.col.source", MessageRow::source, 10.5));
        table.getColumns().add(column("list.col.destination", MessageRow::destination, 10.5));
        table.getColumns().add(column("list.col.info", MessageRow::info, 40));
        table.getColumns().add(column("list.col.proto", MessageRow::protocol, 4));
        table.getColumns().add(column("list.col.length", r -> Integer.toString(r.length()), 4.5));
        // column widths in em follow the theme's and the zoom's type size
        title.textProperty().bind(I18n.text("list.title"));
        title.getStyleClass().add("pane-title");
        title.fontProperty().addListener((obs, o, n) -> sizeColumns());
        setTop(title);
        table.setRowFactory(tv -> new TableRow<>() {
            @Override
            protected void updateItem(MessageRow r, boolean empty) {
                super.updateItem(r, empty);
                getStyleClass().removeAll("query-row", "response-row");
                if (!empty && r != null) {
                    getStyleClass().add(r.isResponse() ? "response-row" : "query-row");
                }
            }
        });
        setCenter(table);
    }

    private static TableColumn<MessageRow, String> column(String key, Function<MessageRow, String> value,
                                                          double widthEm) {
        TableColumn<MessageRow, String> c = new TableColumn<>();
        c.textProperty().bind(I18n.text(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.getProperties().put(WIDTH_EM, widthEm);
        c.setSortable(false);
        return c;
    }

    private static final String WIDTH_EM = "resolvefx.widthEm";

    /** Sets every column's width from its size in em and the table's current font. */
    public void sizeColumns() {
        double em = title.getFont().getSize();
        for (TableColumn<MessageRow, ?> c : table.getColumns()) {
            c.setPrefWidth(em * (Double) c.getProperties().get(WIDTH_EM));
        }
    }

    public TableView<MessageRow> table() {
        return table;
    }

}
