#pragma once

#include "common/domain.h"
#include "common/error.h"
#include "storage/orderquery.h"
#include "storage/orderstore.h"
#include "storage/records.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

#include <optional>

namespace wxpay::ui {

// The order history as a table that loads as it is scrolled: one page of OrderStore::search at a time (keyset
// paging), so a history of any size opens at once. Sorting re-queries the history in the order OrderSort offers.
class OrderHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        CreatedColumn,
        OutTradeNoColumn,
        TransactionIdColumn,
        AmountColumn,
        StateColumn,
        DescriptionColumn,
        ProfileColumn,
        ColumnCount
    };

    explicit OrderHistoryModel(QObject* parent = nullptr);

    // The history to read; it must outlive the model (or be replaced first). Null empties the model.
    void setStore(const storage::OrderStore* store);
    // Runs `query` from its first page; its sort and order become the model's.
    void setQuery(const storage::OrderQuery& query);
    const storage::OrderQuery& query() const { return m_query; }
    // Reads the current query again from its first page.
    void reload();
    // Shown in the profile column instead of the profile's id.
    void setProfileNames(const QHash<QString, QString>& names);

    const storage::OrderRecord& orderAt(int row) const { return m_rows.at(row); }
    // The failure of the last read, if it failed.
    const std::optional<Error>& lastError() const { return m_lastError; }

    static bool isSortable(int column);
    int sortColumn() const;

    // A state in the cashier's words.
    static QString stateText(TradeState state);
    // "yyyy-MM-dd HH:mm:ss" in local time; empty for an invalid time.
    static QString localTime(const QDateTime& time);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // Sortable columns re-query the history; the others are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Headers and state words again, after the language changed.
    void retranslate();

Q_SIGNALS:
    // A page could not be read.
    void failed(const wxpay::Error& error);

private:
    void readFirstPage();

    const storage::OrderStore* m_store = nullptr;
    storage::OrderQuery m_query;
    QList<storage::OrderRecord> m_rows;
    std::optional<storage::OrderCursor> m_next;
    std::optional<Error> m_lastError;
    QHash<QString, QString> m_profileNames;
};

} // namespace wxpay::ui
