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

        table.getColumns().add(column("list.col.no", r -> Long.toString(r.frame()), 60));
        table.getColumns().add(column("list.col.time", MessageRow::relativeTime, 100));
        table.getColumns().add(column("list.col.source", MessageRow::source, 170));
        table.getColumns().add(column("list.col.destination", MessageRow::destination, 170));
        table.getColumns().add(column("list.col.proto", MessageRow::protocol, 60));
        table.getColumns().add(column("list.col.length", r -> Integer.toString(r.length()), 70));
        table.getColumns().add(column("list.col.info", MessageRow::info, 520));
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
                                                          double width) {
        TableColumn<MessageRow, String> c = new TableColumn<>();
        c.textProperty().bind(I18n.text(key));
        c.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setSortable(false);
        return c;
    }

    public TableView<MessageRow> table() {
        return table;
    }

}
