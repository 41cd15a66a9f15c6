#include "orderhistorymodel.h"

#include "format.h"
#include "log.h"

namespace wxpay::ui {

namespace {

std::optional<storage::OrderSort> sortFor(int column)
{
    switch (column) {
    case OrderHistoryModel::CreatedColumn:
        return storage::OrderSort::CreatedAt;
    case OrderHistoryModel::OutTradeNoColumn:
        return storage::OrderSort::OutTradeNo;
    case OrderHistoryModel::AmountColumn:
        return storage::OrderSort::Amount;
    default:
        return std::nullopt;
    }
}

} // namespace

OrderHistoryModel::OrderHistoryModel(QObject* parent) : QAbstractTableModel(parent)
{ }

void OrderHistoryModel::setStore(const storage::OrderStore* store)
{
    beginResetModel();
    m_store = store;
    readFirstPage();
    endResetModel();
    if (m_lastError)
        Q_EMIT failed(*m_lastError);
}

void OrderHistoryModel::setQuery(const storage::OrderQuery& query)
{
    m_query = query;
    reload();
}

void OrderHistoryModel::reload()
{
    beginResetModel();
    readFirstPage();
    endResetModel();
    if (m_lastError)
        Q_EMIT failed(*m_lastError);
}

void OrderHistoryModel::setProfileNames(const QHash<QString, QString>& names)
{
    m_profileNames = names;
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, ProfileColumn), index(rowCount() - 1, ProfileColumn));
}

void OrderHistoryModel::readFirstPage()
{
    m_rows.clear();
    m_next.reset();
    m_lastError.reset();
    if (!m_store)
        return;
    auto page = m_store->search(m_query);
    if (!page) {
        qCWarning(lcUi) << "order history not read:" << page.error().toString();
        m_lastError = page.error();
        return;
    }
    m_rows = page->rows;
    m_next = page->next;
}

bool OrderHistoryModel::isSortable(int column)
{
    return sortFor(column).has_value();
}

int OrderHistoryModel::sortColumn() const
{
    switch (m_query.sort) {
    case storage::OrderSort::CreatedAt:
        return CreatedColumn;
    case storage::OrderSort::Amount:
        return AmountColumn;
    case storage::OrderSort::OutTradeNo:
        return OutTradeNoColumn;
    }
    return CreatedColumn;
}

QString OrderHistoryModel::stateText(TradeState state)
{
    switch (state) {
    case TradeState::Unknown:
        return tr("Not confirmed yet");
    case TradeState::NotPay:
        return tr("Not paid");
    case TradeState::UserPaying:
        return tr("Customer paying");
    case TradeState::Success:
        return tr("Paid");
    case TradeState::Refund:
        return tr("Refunded");
    case TradeState::Closed:
        return tr("Closed");
    case TradeState::Revoked:
        return tr("Reversed");
    case TradeState::PayError:
        return tr("Payment failed");
    case TradeState::Accept:
        return tr("Accepted, awaiting payment");
    }
    return {};
}

QString OrderHistoryModel::localTime(const QDateTime& time)
{
    return time.isValid() ? time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) : QString();
}

int OrderHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int OrderHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OrderHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const storage::OrderRecord& order = m_rows.at(index.row());
    if (role == Qt::TextAlignmentRole && index.column() == AmountColumn)
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    if (role == Qt::ToolTipRole && index.column() == DescriptionColumn)
        return order.description;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case CreatedColumn:
        return localTime(order.createdAt);
    case OutTradeNoColumn:
        return order.outTradeNo;
    case TransactionIdColumn:
        return order.transactionId;
    case AmountColumn:
        return formatMoney(order.amount);
    case StateColumn:
        return stateText(order.state);
    case DescriptionColumn:
        return order.description;
    case ProfileColumn:
        return m_profileNames.value(order.profileId, order.profileId);
    default:
        return {};
    }
}

QVariant OrderHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case CreatedColumn:
        return tr("Created");
    case OutTradeNoColumn:
        return tr("Order number");
    case TransactionIdColumn:
        return tr("WeChat Pay order number");
    case AmountColumn:
        return tr("Amount");
    case StateColumn:
        return tr("Status");
    case DescriptionColumn:
        return tr("Description");
    case ProfileColumn:
        return tr("Profile");
    default:
        return {};
    }
}

bool OrderHistoryModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && m_store && m_next.has_value();
}

void OrderHistoryModel::fetchMore(const QModelIndex& parent)
{
    if (!canFetchMore(parent))
        return;
    auto page = m_store->search(m_query, m_next);
    if (!page) {
        qCWarning(lcUi) << "order history page not read:" << page.error().toString();
        m_lastError = page.error();
        m_next.reset(); // a view would ask again at once; reload() tries again
        Q_EMIT failed(*m_lastError);
        return;
    }
    m_next = page->next;
    if (page->rows.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page->rows.size()) - 1);
    m_rows.append(page->rows);
    endInsertRows();
}

void OrderHistoryModel::sort(int column, Qt::SortOrder order)
{
    const auto wanted = sortFor(column);
    if (!wanted || (*wanted == m_query.sort && order == m_query.order))
        return;
    m_query.sort = *wanted;
    m_query.order = order;
    reload();
}

void OrderHistoryModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace wxpay::ui
