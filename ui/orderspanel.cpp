#include "orderspanel.h"

#include "amountedit.h"
#include "errorbox.h"
#include "format.h"
#include "log.h"
#include "orderhistorymodel.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <climits>

namespace wxpay::ui {

using workflows::OrderAction;
using workflows::OrderLookup;

namespace {

constexpr std::array kStates { TradeState::Success, TradeState::Refund, TradeState::NotPay, TradeState::UserPaying,
    TradeState::Closed, TradeState::Revoked, TradeState::PayError, TradeState::Accept, TradeState::Unknown };

// The detail page's fields and their objectNames ("<name>ValueLabel").
struct FieldSpec
{
    int field;
    const char* name;
};

QFont scaled(QFont font, qreal factor, bool bold = false)
{
    font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

QPushButton* makeButton(const QString& name, QWidget* parent)
{
    auto* button = new QPushButton(parent);
    button->setObjectName(name);
    button->setAutoDefault(false);
    return button;
}

QLabel* makeLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    return label;
}

bool isPaid(TradeState state)
{
    return state == TradeState::Success || state == TradeState::Refund;
}

bool hasCode(const Error& error, QStringView normalized)
{
    QString code = error.code.toUpper();
    code.remove(u'_');
    return code == normalized;
}

QString familyText(ApiFamily family)
{
    switch (family) {
    case ApiFamily::V2:
        return OrdersPanel::tr("APIv2");
    case ApiFamily::V3:
        return OrdersPanel::tr("APIv3");
    case ApiFamily::Global:
        return OrdersPanel::tr("APIv3 Global (cross-border)");
    case ApiFamily::HkV3:
        return OrdersPanel::tr("Hong Kong wallet");
    }
    return {};
}

QString tradeTypeText(const QString& tradeType)
{
    if (tradeType == u"NATIVE")
        return OrdersPanel::tr("QR code (customer scans)");
    if (tradeType == u"MICROPAY")
        return OrdersPanel::tr("Payment code (Quick Pay)");
    return tradeType;
}

QString refundStatusText(RefundStatus status)
{
    switch (status) {
    case RefundStatus::Unknown:
        return OrdersPanel::tr("Not confirmed yet");
    case RefundStatus::Processing:
        return OrdersPanel::tr("In progress");
    case RefundStatus::Success:
        return OrdersPanel::tr("Refund completed");
    case RefundStatus::Closed:
        return OrdersPanel::tr("Refund closed");
    case RefundStatus::Abnormal:
        return OrdersPanel::tr("Problem: check with WeChat Pay");
    case RefundStatus::Change:
        return OrdersPanel::tr("Refunded to another account");
    }
    return {};
}

QString auditActionText(const QString& action)
{
    static const QHash<QString, const char*> texts {
        { QStringLiteral("native.create"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "QR code order created") },
        { QStringLiteral("native.query"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Payment checked") },
        { QStringLiteral("native.close"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "QR code order closed") },
        { QStringLiteral("native.outcome"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Payment ended") },
        { QStringLiteral("quickpay.micropay"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Payment code sent") },
        { QStringLiteral("quickpay.query"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Payment checked") },
        { QStringLiteral("quickpay.reverse"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Payment reversed") },
        { QStringLiteral("quickpay.outcome"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Payment ended") },
        { QStringLiteral("refund.request"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Refund requested") },
        { QStringLiteral("refund.query"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Refund checked") },
        { QStringLiteral("refund.outcome"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Refund ended") },
        { QStringLiteral("order.lookup"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Looked up at WeChat Pay") },
        { QStringLiteral("order.close"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Close requested") },
        { QStringLiteral("order.reverse"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "Reverse requested") },
        { QStringLiteral("unionid.lookup"), QT_TRANSLATE_NOOP("wxpay::ui::OrdersPanel", "UnionID looked up") },
    };
    const char* text = texts.value(action);
    return text ? OrdersPanel::tr(text) : action;
}

QString recognisedText(bool byTransactionId)
{
    return byTransactionId ? OrdersPanel::tr("Recognised as a WeChat Pay order number (transaction_id).")
                           : OrdersPanel::tr("Recognised as your order number (out_trade_no).");
}

// The sentence for a failed search or lookup: the two errors a cashier causes get their own.
QString searchSentence(const Error& error, const QString& typed)
{
    if (error.code == u"ORDER_ID_INVALID") {
        return typed.isEmpty()
            ? OrdersPanel::tr("Type or scan an order number first.")
            : OrdersPanel::tr("“%1” is not an order number. A WeChat Pay order number (transaction_id) has 28 to 32 "
                              "digits and starts with 4; your own order number (out_trade_no) has 6 to 32 letters, "
                              "digits or _ - | *.")
                  .arg(typed);
    }
    if (error.kind == ErrorKind::Business && hasCode(error, u"ORDERNOTEXIST")) {
        return OrdersPanel::tr("WeChat Pay does not know this order: check the number, and that the right merchant "
                               "profile is in use.");
    }
    return plainSentence(error);
}

QTableWidget* makeTable(const QString& name, int columns, QWidget* parent)
{
    auto* table = new QTableWidget(0, columns, parent);
    table->setObjectName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

void setCell(QTableWidget* table, int row, int column, const QString& text, const QString& toolTip = {})
{
    auto* item = new QTableWidgetItem(text);
    if (!toolTip.isEmpty())
        item->setToolTip(toolTip);
    table->setItem(row, column, item);
}

} // namespace

OrdersPanel::OrdersPanel(credentials::ProfileStore* profiles, QWidget* parent) : QWidget(parent), m_profiles(profiles)
{
    setObjectName(QStringLiteral("ordersPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 16);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("ordersStackedWidget"));
    m_listPage = buildListPage();
    m_detailPage = buildDetailPage();
    m_pages->addWidget(m_listPage);
    m_pages->addWidget(m_detailPage);
    layout->addWidget(m_pages);

    setFocusProxy(m_search);
    refreshProfiles();
    updateEnabled();
    retranslateUi();
}

OrdersPanel::~OrdersPanel() = default;

QWidget* OrdersPanel::buildListPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("ordersListPage"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    m_title = makeLabel(QStringLiteral("panelTitleLabel"), page);
    m_title->setFont(scaled(font(), 1.6, true));
    layout->addWidget(m_title);
    m_historyStatus = makeLabel(QStringLiteral("historyStatusLabel"), page);
    m_historyStatus->setStyleSheet(
        QStringLiteral("background: #fff8e1; border: 1px solid #ffcc80; border-radius: 4px; padding: 8px;"));
    layout->addWidget(m_historyStatus);

    // The one search box.
    auto* searchRow = new QHBoxLayout;
    m_searchLabel = new QLabel(page);
    searchRow->addWidget(m_searchLabel);
    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setFont(scaled(font(), 1.2));
    m_search->setClearButtonEnabled(true);
    m_search->setMaxLength(64);
    m_searchLabel->setBuddy(m_search);
    searchRow->addWidget(m_search, 1);
    m_searchButton = makeButton(QStringLiteral("searchPushButton"), page);
    searchRow->addWidget(m_searchButton);
    layout->addLayout(searchRow);
    m_recognised = makeLabel(QStringLiteral("recognisedLabel"), page);
    m_recognised->hide();
    layout->addWidget(m_recognised);
    m_listError = new ErrorBox(page);
    m_listError->setObjectName(QStringLiteral("listErrorBox"));
    layout->addWidget(m_listError);

    // Filters, applied as they change.
    auto* filters = new QGridLayout;
    filters->setHorizontalSpacing(8);
    const auto addFilter = [filters](QLabel* label, QWidget* field, int row, int column, int span = 1) {
        label->setBuddy(field);
        filters->addWidget(label, row, column, Qt::AlignRight | Qt::AlignVCenter);
        filters->addWidget(field, row, column + 1, 1, span);
    };
    m_fromLabel = new QLabel(page);
    m_from = new QDateEdit(page);
    m_from->setObjectName(QStringLiteral("fromDateEdit"));
    m_from->setCalendarPopup(true);
    m_from->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_toLabel = new QLabel(page);
    m_to = new QDateEdit(page);
    m_to->setObjectName(QStringLiteral("toDateEdit"));
    m_to->setCalendarPopup(true);
    m_to->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    const QDate today = QDate::currentDate();
    m_from->setDate(today.addDays(-6));
    m_to->setDate(today);
    m_stateLabel = new QLabel(page);
    m_state = new QComboBox(page);
    m_state->setObjectName(QStringLiteral("stateComboBox"));
    m_state->addItem(QString(), -1);
    for (const TradeState state : kStates)
        m_state->addItem(QString(), static_cast<int>(state));
    m_profileLabel = new QLabel(page);
    m_profile = new QComboBox(page);
    m_profile->setObjectName(QStringLiteral("profileComboBox"));
    addFilter(m_fromLabel, m_from, 0, 0);
    addFilter(m_toLabel, m_to, 0, 2);
    addFilter(m_stateLabel, m_state, 0, 4);
    addFilter(m_profileLabel, m_profile, 0, 6);

    m_minLabel = new QLabel(page);
    m_min = new AmountEdit(page);
    m_min->setObjectName(QStringLiteral("minAmountEdit"));
    m_min->lineEdit()->setObjectName(QStringLiteral("minAmountLineEdit"));
    m_maxLabel = new QLabel(page);
    m_max = new AmountEdit(page);
    m_max->setObjectName(QStringLiteral("maxAmountEdit"));
    m_max->lineEdit()->setObjectName(QStringLiteral("maxAmountLineEdit"));
    // The till's big amount font is for taking payments; a filter reads like the rest of the row.
    for (AmountEdit* edit : { m_min, m_max }) {
        edit->lineEdit()->setFont(font());
        edit->setMinimumWidth(160);
    }
    m_textLabel = new QLabel(page);
    m_text = new QLineEdit(page);
    m_text->setObjectName(QStringLiteral("descriptionFilterLineEdit"));
    m_text->setClearButtonEnabled(true);
    addFilter(m_minLabel, m_min, 1, 0);
    addFilter(m_maxLabel, m_max, 1, 2);
    addFilter(m_textLabel, m_text, 1, 4, 3);
    filters->setColumnStretch(5, 1);
    filters->setColumnStretch(7, 1);
    layout->addLayout(filters);

    m_model = new OrderHistoryModel(this);
    m_table = new QTableView(page);
    m_table->setObjectName(QStringLiteral("ordersTableView"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->setModel(m_model);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->resizeSection(OrderHistoryModel::CreatedColumn, 150);
    header->resizeSection(OrderHistoryModel::OutTradeNoColumn, 175);
    header->resizeSection(OrderHistoryModel::TransactionIdColumn, 225);
    header->resizeSection(OrderHistoryModel::AmountColumn, 90);
    header->resizeSection(OrderHistoryModel::StateColumn, 110);
    header->resizeSection(OrderHistoryModel::DescriptionColumn, 150);
    header->setSortIndicator(m_model->sortColumn(), m_model->query().order);
    m_table->setSortingEnabled(true);
    layout->addWidget(m_table, 1);

    auto* bottom = new QHBoxLayout;
    m_count = makeLabel(QStringLiteral("countLabel"), page);
    m_count->setWordWrap(false);
    bottom->addWidget(m_count);
    m_exportStatus = makeLabel(QStringLiteral("exportStatusLabel"), page);
    bottom->addWidget(m_exportStatus, 1);
    m_export = makeButton(QStringLiteral("exportCsvPushButton"), page);
    bottom->addWidget(m_export);
    layout->addLayout(bottom);

    m_applyTimer = new QTimer(this);
    m_applyTimer->setSingleShot(true);
    m_applyTimer->setInterval(300);

    connect(m_search, &QLineEdit::returnPressed, this, &OrdersPanel::search);
    connect(m_searchButton, &QPushButton::clicked, this, &OrdersPanel::search);
    connect(m_from, &QDateEdit::dateChanged, this, &OrdersPanel::applyFilters);
    connect(m_to, &QDateEdit::dateChanged, this, &OrdersPanel::applyFilters);
    connect(m_state, &QComboBox::currentIndexChanged, this, &OrdersPanel::applyFilters);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        const QString currency = filterCurrency();
        m_min->setCurrency(currency);
        m_max->setCurrency(currency);
        applyFilters();
    });
    // Typing applies after a pause, Enter at once.
    for (QLineEdit* edit : { m_min->lineEdit(), m_max->lineEdit(), m_text }) {
        connect(edit, &QLineEdit::textChanged, m_applyTimer, qOverload<>(&QTimer::start));
        connect(edit, &QLineEdit::returnPressed, this, &OrdersPanel::applyFilters);
    }
    connect(m_applyTimer, &QTimer::timeout, this, &OrdersPanel::applyFilters);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [this, header](int column) {
        // Columns the history cannot sort by keep the indicator where the rows are sorted.
        if (!OrderHistoryModel::isSortable(column)) {
            const QSignalBlocker blocker(header);
            header->setSortIndicator(m_model->sortColumn(), m_model->query().order);
        }
    });
    connect(m_model, &OrderHistoryModel::failed, this, [this](const Error& error) { m_listError->showError(error); });
    connect(m_model, &QAbstractItemModel::modelReset, this, &OrdersPanel::updateCount);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        if (!index.isValid())
            return;
        const storage::OrderRecord& order = m_model->orderAt(index.row());
        showOrder(order.profileId, order.outTradeNo);
    });
    connect(m_export, &QPushButton::clicked, this, &OrdersPanel::openExportDialog);
    return page;
}

QWidget* OrdersPanel::buildDetailPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("orderDetailPage"));
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(8);

    auto* top = new QHBoxLayout;
    m_back = makeButton(QStringLiteral("backPushButton"), page);
    top->addWidget(m_back);
    m_detailTitle = makeLabel(QStringLiteral("orderTitleLabel"), page);
    m_detailTitle->setFont(scaled(font(), 1.4, true));
    m_detailTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_detailTitle, 1);
    layout->addLayout(top);

    // Every field of the history row, in two columns.
    static constexpr std::array kFields { FieldSpec { int(Field::OutTradeNo), "outTradeNo" },
        FieldSpec { int(Field::TransactionId), "transactionId" }, FieldSpec { int(Field::Amount), "amount" },
        FieldSpec { int(Field::PayerTotal), "payerTotal" }, FieldSpec { int(Field::State), "state" },
        FieldSpec { int(Field::StateDescription), "stateDescription" },
        FieldSpec { int(Field::TradeType), "tradeType" }, FieldSpec { int(Field::Description), "description" },
        FieldSpec { int(Field::Attach), "attach" }, FieldSpec { int(Field::LastError), "lastError" },
        FieldSpec { int(Field::Created), "created" }, FieldSpec { int(Field::Paid), "paid" },
        FieldSpec { int(Field::LastConfirmed), "lastConfirmed" }, FieldSpec { int(Field::Openid), "openid" },
        FieldSpec { int(Field::Unionid), "unionid" }, FieldSpec { int(Field::Cashier), "cashier" },
        FieldSpec { int(Field::Device), "device" }, FieldSpec { int(Field::Profile), "profile" },
        FieldSpec { int(Field::Family), "family" } };
    auto* grid = new QGridLayout;
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(4);
    constexpr int kRowsPerColumn = 10;
    int position = 0;
    for (const FieldSpec& spec : kFields) {
        FieldRow row;
        row.label = new QLabel(page);
        row.label->setAlignment(Qt::AlignRight | Qt::AlignTop);
        row.value = makeLabel(QString::fromLatin1(spec.name) + u"ValueLabel", page);
        row.value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        const int column = position / kRowsPerColumn * 2;
        grid->addWidget(row.label, position % kRowsPerColumn, column);
        grid->addWidget(row.value, position % kRowsPerColumn, column + 1);
        m_fields.insert(static_cast<Field>(spec.field), row);
        ++position;
    }
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    m_fields.value(Field::State).value->setFont(scaled(font(), 1.0, true));
    layout->addLayout(grid);

    auto* actions = new QHBoxLayout;
    m_refresh = makeButton(QStringLiteral("refreshOrderPushButton"), page);
    m_close = makeButton(QStringLiteral("closeOrderPushButton"), page);
    m_reverse = makeButton(QStringLiteral("reverseOrderPushButton"), page);
    m_refund = makeButton(QStringLiteral("refundOrderPushButton"), page);
    m_unionId = makeButton(QStringLiteral("unionIdPushButton"), page);
    for (QPushButton* button : { m_refresh, m_close, m_reverse, m_refund, m_unionId })
        actions->addWidget(button);
    actions->addStretch(1);
    layout->addLayout(actions);
    m_actionStatus = makeLabel(QStringLiteral("actionStatusLabel"), page);
    m_actionStatus->setFont(scaled(font(), 1.1));
    layout->addWidget(m_actionStatus);
    m_detailError = new ErrorBox(page);
    m_detailError->setObjectName(QStringLiteral("detailErrorBox"));
    layout->addWidget(m_detailError);

    // Refunds above the activity, each the page's full width (request ids and details are long).
    m_refundsTitle = makeLabel(QStringLiteral("refundsTitleLabel"), page);
    m_refundsTitle->setFont(scaled(font(), 1.1, true));
    layout->addWidget(m_refundsTitle);
    m_refunds = makeTable(QStringLiteral("refundsTableWidget"), 6, page);
    m_refunds->setMaximumHeight(130);
    m_refunds->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layout->addWidget(m_refunds);
    m_auditTitle = makeLabel(QStringLiteral("auditTitleLabel"), page);
    m_auditTitle->setFont(scaled(font(), 1.1, true));
    layout->addWidget(m_auditTitle);
    m_audit = makeTable(QStringLiteral("auditTableWidget"), 5, page);
    layout->addWidget(m_audit, 1);

    connect(m_back, &QPushButton::clicked, this, &OrdersPanel::showList);
    connect(m_refresh, &QPushButton::clicked, this, &OrdersPanel::refreshOrder);
    connect(m_close, &QPushButton::clicked, this, &OrdersPanel::askToClose);
    connect(m_reverse, &QPushButton::clicked, this, &OrdersPanel::askToReverse);
    connect(m_refund, &QPushButton::clicked, this, [this] {
        if (m_shown)
            Q_EMIT refundRequested(m_shown->outTradeNo);
    });
    connect(m_unionId, &QPushButton::clicked, this, [this] {
        if (m_shown)
            Q_EMIT unionIdRequested(*m_shown);
    });
    return page;
}

void OrdersPanel::setContext(const workflows::WorkflowContext& context)
{
    abandonJobs();
    m_model->setStore(nullptr); // the previous context's history may be gone
    m_context.reset();
    m_context.emplace(context);
    if (!m_datesSet) {
        // The last 7 days, by the context's clock (the sandbox and tests run on their own).
        const QDate today = m_context->clock.now().toLocalTime().date();
        const QSignalBlocker fromBlocker(m_from);
        const QSignalBlocker toBlocker(m_to);
        m_from->setDate(today.addDays(-6));
        m_to->setDate(today);
        m_datesSet = true;
    }
    refreshProfiles();
    {
        const QSignalBlocker blocker(m_profile);
        const int index = m_profile->findData(m_context->profileId);
        m_profile->setCurrentIndex(index < 0 ? 0 : index);
    }
    m_min->setCurrency(filterCurrency());
    m_max->setCurrency(filterCurrency());
    m_listError->clear();
    m_model->setQuery(buildQuery());
    m_model->setStore(&m_context->orders);
    if (isShowingOrder())
        loadDetail(m_shownProfileId, m_shownOutTradeNo);
    updateEnabled();
    retranslateUi();
}

bool OrdersPanel::isBusy() const
{
    return m_busy != Busy::None;
}

void OrdersPanel::abandonJobs()
{
    if (OrderLookup* lookup = m_lookup.data()) {
        lookup->disconnect(this);
        delete lookup;
    }
    if (OrderAction* action = m_action.data()) {
        action->disconnect(this);
        delete action;
    }
    m_busy = Busy::None;
}

void OrdersPanel::refreshProfiles()
{
    const QString selected = m_profile->currentData().toString();
    const QSignalBlocker blocker(m_profile);
    m_profile->clear();
    m_profile->addItem(tr("All profiles"), QString());
    QHash<QString, QString> names;
    const QList<credentials::MerchantProfile> profiles = m_profiles->list();
    for (const credentials::MerchantProfile& profile : profiles) {
        const QString name = profile.displayName.isEmpty() ? profile.id : profile.displayName;
        names.insert(profile.id, name);
        m_profile->addItem(name, profile.id);
    }
    const int index = m_profile->findData(selected);
    m_profile->setCurrentIndex(index < 0 ? 0 : index);
    m_model->setProfileNames(names);
}

QString OrdersPanel::profileName(const QString& profileId) const
{
    auto profile = m_profiles->get(profileId);
    if (!profile || profile->displayName.isEmpty())
        return profileId;
    return profile->displayName;
}

QString OrdersPanel::filterCurrency() const
{
    QString profileId = m_profile->currentData().toString();
    if (profileId.isEmpty() && m_context)
        profileId = m_context->profileId;
    auto profile = m_profiles->get(profileId);
    return profile ? profile->defaultCurrency : QStringLiteral("CNY");
}

storage::OrderQuery OrdersPanel::buildQuery() const
{
    storage::OrderQuery query;
    query.profileId = m_profile->currentData().toString();
    query.createdFrom = m_from->date().startOfDay().toUTC();
    query.createdBefore = m_to->date().addDays(1).startOfDay().toUTC();
    if (const int state = m_state->currentData().toInt(); state >= 0)
        query.states = { static_cast<TradeState>(state) };
    const auto min = m_min->amount();
    const auto max = m_max->amount();
    if (min || max) {
        query.currency = filterCurrency();
        if (min)
            query.minAmountMinor = min->minorUnits();
        if (max)
            query.maxAmountMinor = max->minorUnits();
    }
    query.text = m_text->text().trimmed();
    query.sort = m_model->query().sort;
    query.order = m_model->query().order;
    return query;
}

const storage::OrderQuery& OrdersPanel::currentQuery() const
{
    return m_model->query();
}

void OrdersPanel::applyFilters()
{
    m_applyTimer->stop();
    if (!m_context)
        return;
    m_listError->clear();
    m_model->setQuery(buildQuery());
}

void OrdersPanel::updateCount()
{
    if (!m_context) {
        m_count->clear();
        return;
    }
    auto count = m_context->orders.count(m_model->query());
    if (!count) {
        m_count->clear();
        m_listError->showError(count.error());
        return;
    }
    m_count->setText(tr("%n order(s)", nullptr, static_cast<int>(std::min<qint64>(count.value(), INT_MAX))));
}

void OrdersPanel::reload()
{
    refreshProfiles();
    if (m_context) {
        m_model->reload();
        if (isShowingOrder())
            loadDetail(m_shownProfileId, m_shownOutTradeNo);
    }
    updateEnabled();
}

void OrdersPanel::search()
{
    if (!m_context || isBusy())
        return;
    m_listError->clear();
    const QString typed = m_search->text().trimmed();
    auto ref = workflows::orderRefFromText(typed, m_context->orders, m_context->profileId);
    if (!ref) {
        setRecognised(nullptr);
        const Error error = ref.error();
        m_listError->showError([error, typed] { return searchSentence(error, typed); }, error);
        m_search->selectAll();
        return;
    }
    const OrderRef found = ref.value();
    const bool byTransactionId = !found.transactionId.isEmpty();
    auto known = byTransactionId ? m_context->orders.findByTransactionId(found.transactionId)
                                 : m_context->orders.findByOutTradeNo(m_context->profileId, found.outTradeNo);
    if (!known) {
        setRecognised(nullptr);
        m_listError->showError(known.error());
        return;
    }
    if (known.value()) {
        setRecognised([byTransactionId] { return recognisedText(byTransactionId); });
        showOrder(known.value()->profileId, known.value()->outTradeNo);
        setActionStatus(m_recognisedText);
        return;
    }
    // Not in this history: ask WeChat Pay (an order made elsewhere is added).
    auto* lookup = new OrderLookup(*m_context, this);
    connect(lookup, &OrderLookup::finished, this,
        [this, byTransactionId](const OrderLookup::Outcome& outcome) { onSearchAnswer(outcome, byTransactionId); });
    if (const Status started = lookup->lookup(found); !started) {
        delete lookup;
        setRecognised(nullptr);
        m_listError->showError(started.error());
        return;
    }
    m_lookup = lookup;
    m_busy = Busy::Searching;
    setRecognised([byTransactionId]() -> QString {
        return recognisedText(byTransactionId) + u' '
            + tr("Not in this computer's history: looking it up at WeChat Pay…");
    });
    updateEnabled();
}

void OrdersPanel::onSearchAnswer(const OrderLookup::Outcome& outcome, bool byTransactionId)
{
    if (OrderLookup* lookup = m_lookup.data())
        lookup->deleteLater();
    m_lookup = nullptr;
    m_busy = Busy::None;
    const QString typed = m_search->text().trimmed();
    if (!outcome.record) {
        const Error error
            = outcome.error.value_or(Error::protocol(QStringLiteral("NO_ANSWER"), QStringLiteral("no answer")));
        setRecognised(nullptr);
        m_listError->showError([error, typed] { return searchSentence(error, typed); }, error);
        updateEnabled();
        return;
    }
    const bool added = outcome.addedToHistory;
    setRecognised([byTransactionId, added]() -> QString {
        return recognisedText(byTransactionId) + u' '
            + (added ? tr("Found at WeChat Pay and added to this computer's history.")
                     : tr("Found at WeChat Pay; the history is up to date."));
    });
    m_model->reload();
    showOrder(outcome.record->profileId, outcome.record->outTradeNo);
    setActionStatus(m_recognisedText);
    updateEnabled();
}

void OrdersPanel::setRecognised(std::function<QString()> text)
{
    m_recognisedText = std::move(text);
    m_recognised->setText(m_recognisedText ? m_recognisedText() : QString());
    m_recognised->setVisible(static_cast<bool>(m_recognisedText));
}

void OrdersPanel::showOrder(const QString& profileId, const QString& outTradeNo)
{
    if (!m_context)
        return;
    m_detailError->clear();
    setActionStatus(nullptr);
    if (!loadDetail(profileId, outTradeNo))
        return;
    m_pages->setCurrentWidget(m_detailPage);
    m_back->setFocus();
    updateEnabled();
}

void OrdersPanel::showList()
{
    m_pages->setCurrentWidget(m_listPage);
    m_shown.reset();
    m_shownProfileId.clear();
    m_shownOutTradeNo.clear();
    m_detailError->clear();
    setActionStatus(nullptr);
    updateEnabled();
    m_table->setFocus();
}

bool OrdersPanel::isShowingOrder() const
{
    return m_pages->currentWidget() == m_detailPage;
}

bool OrdersPanel::loadDetail(const QString& profileId, const QString& outTradeNo)
{
    auto found = m_context->orders.findByOutTradeNo(profileId, outTradeNo);
    ErrorBox* errors = isShowingOrder() ? m_detailError : m_listError;
    if (!found || !found.value()) {
        const Error error = found ? Error::storage(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("order %1 of %2 is not in the history").arg(outTradeNo, profileId))
                                  : found.error();
        errors->showError(
            [outTradeNo] { return tr("The order %1 is not in this computer's history.").arg(outTradeNo); }, error);
        return false;
    }
    m_shown = *found.value();
    m_shownProfileId = profileId;
    m_shownOutTradeNo = outTradeNo;
    auto refunds = m_context->refunds.forOrder(profileId, outTradeNo);
    storage::AuditQuery auditQuery;
    auditQuery.profileId = profileId;
    auditQuery.outTradeNo = outTradeNo;
    auditQuery.limit = 500;
    auto audit = m_context->audit.list(auditQuery);
    renderRefunds(refunds ? refunds.value() : QList<storage::RefundRecord> {});
    renderAudit(audit ? audit.value() : QList<storage::AuditEntry> {});
    if (!refunds)
        errors->showError(refunds.error());
    else if (!audit)
        errors->showError(audit.error());
    renderDetail();
    return true;
}

QString OrdersPanel::fieldText(Field field) const
{
    switch (field) {
    case Field::Profile:
        return tr("Merchant profile:");
    case Field::Family:
        return tr("Connection:");
    case Field::OutTradeNo:
        return tr("Order number (out_trade_no):");
    case Field::TransactionId:
        return tr("WeChat Pay order number (transaction_id):");
    case Field::Amount:
        return tr("Amount:");
    case Field::PayerTotal:
        return tr("Paid by the customer:");
    case Field::TradeType:
        return tr("Payment method:");
    case Field::State:
        return tr("Status:");
    case Field::StateDescription:
        return tr("WeChat Pay says:");
    case Field::Openid:
        return tr("Payer (openid):");
    case Field::Unionid:
        return tr("Payer (unionid):");
    case Field::Created:
        return tr("Created:");
    case Field::Paid:
        return tr("Paid at:");
    case Field::LastConfirmed:
        return tr("Last checked with WeChat Pay:");
    case Field::Cashier:
        return tr("Cashier:");
    case Field::Device:
        return tr("Till:");
    case Field::Description:
        return tr("Description:");
    case Field::Attach:
        return tr("Attached data:");
    case Field::LastError:
        return tr("Last problem:");
    }
    return {};
}

void OrdersPanel::renderDetail()
{
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it->label->setText(fieldText(it.key()));
    if (!m_shown) {
        m_detailTitle->clear();
        for (const FieldRow& row : std::as_const(m_fields))
            row.value->clear();
        return;
    }
    const storage::OrderRecord& order = *m_shown;
    m_detailTitle->setText(tr("Order %1").arg(order.outTradeNo));
    const QString none = QStringLiteral("—");
    const auto orNone = [&none](const QString& text) { return text.isEmpty() ? none : text; };
    const auto set = [this](Field field, const QString& text) { m_fields.value(field).value->setText(text); };
    set(Field::Profile, profileName(order.profileId));
    set(Field::Family, familyText(order.family));
    set(Field::OutTradeNo, order.outTradeNo);
    set(Field::TransactionId, orNone(order.transactionId));
    set(Field::Amount, formatMoney(order.amount));
    set(Field::PayerTotal, order.payerTotal ? formatMoney(*order.payerTotal) : none);
    set(Field::TradeType, orNone(tradeTypeText(order.tradeType)));
    set(Field::State, OrderHistoryModel::stateText(order.state));
    set(Field::StateDescription, orNone(order.stateDescription));
    set(Field::Openid, orNone(order.payerOpenid));
    set(Field::Unionid, orNone(order.payerUnionid));
    set(Field::Created, orNone(OrderHistoryModel::localTime(order.createdAt)));
    set(Field::Paid, orNone(OrderHistoryModel::localTime(order.paidAt)));
    set(Field::LastConfirmed, orNone(OrderHistoryModel::localTime(order.lastConfirmedAt)));
    set(Field::Cashier, orNone(order.cashier));
    set(Field::Device, orNone(order.deviceId));
    set(Field::Description, orNone(order.description));
    set(Field::Attach, orNone(order.attach));
    set(Field::LastError, orNone(order.lastError));
}

void OrdersPanel::renderRefunds(const QList<storage::RefundRecord>& refunds)
{
    m_refunds->setRowCount(static_cast<int>(refunds.size()));
    int row = 0;
    for (const storage::RefundRecord& refund : refunds) {
        setCell(m_refunds, row, 0, refund.outRefundNo);
        setCell(m_refunds, row, 1, refund.refundId);
        setCell(m_refunds, row, 2, formatMoney(refund.amount));
        setCell(m_refunds, row, 3, refundStatusText(refund.status), refund.lastError);
        setCell(m_refunds, row, 4, OrderHistoryModel::localTime(refund.createdAt));
        setCell(m_refunds, row, 5, OrderHistoryModel::localTime(refund.successAt));
        ++row;
    }
}

void OrdersPanel::renderAudit(const QList<storage::AuditEntry>& entries)
{
    m_audit->setRowCount(static_cast<int>(entries.size()));
    int row = 0;
    for (const storage::AuditEntry& entry : entries) {
        setCell(m_audit, row, 0, OrderHistoryModel::localTime(entry.at));
        setCell(m_audit, row, 1, entry.actor);
        setCell(m_audit, row, 2, auditActionText(entry.action), entry.action);
        setCell(m_audit, row, 3, entry.requestId);
        setCell(m_audit, row, 4, entry.detail, entry.detail);
        ++row;
    }
    m_audit->resizeColumnsToContents();
}

void OrdersPanel::refreshOrder()
{
    if (!m_context || !m_shown || isBusy() || m_shown->profileId != m_context->profileId)
        return;
    m_detailError->clear();
    auto* lookup = new OrderLookup(*m_context, this);
    connect(lookup, &OrderLookup::finished, this, &OrdersPanel::onRefreshAnswer);
    if (const Status started = lookup->lookup(OrderRef::byOutTradeNo(m_shown->outTradeNo)); !started) {
        delete lookup;
        m_detailError->showError(started.error());
        return;
    }
    m_lookup = lookup;
    m_busy = Busy::Refreshing;
    setActionStatus([] { return tr("Checking the order with WeChat Pay…"); });
    updateEnabled();
}

void OrdersPanel::onRefreshAnswer(const OrderLookup::Outcome& outcome)
{
    if (OrderLookup* lookup = m_lookup.data())
        lookup->deleteLater();
    m_lookup = nullptr;
    m_busy = Busy::None;
    if (outcome.error) {
        setActionStatus(nullptr);
        m_detailError->showError(*outcome.error);
    } else if (outcome.record) {
        const TradeState state = outcome.record->state;
        setActionStatus(
            [state] { return tr("Checked with WeChat Pay: %1.").arg(OrderHistoryModel::stateText(state)); });
    }
    reload();
}

void OrdersPanel::askToClose()
{
    if (!m_shown || isBusy())
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Close order"),
        tr("Close the order %1 of %2? The customer can then no longer pay it.")
            .arg(m_shown->outTradeNo, formatMoney(m_shown->amount)),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("closeOrderMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* confirm = box->addButton(tr("Close order"), QMessageBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmCloseOrderPushButton"));
    QPushButton* keep = box->addButton(tr("Keep it open"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepOrderPushButton"));
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm](QAbstractButton* clicked) {
        if (clicked == confirm)
            startAction(OrderAction::Kind::Close);
    });
    box->open();
}

void OrdersPanel::askToReverse()
{
    if (!m_shown || isBusy())
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Reverse payment"),
        tr("Reverse the order %1 of %2? An unfinished payment is cancelled; a completed one is given back to the "
           "customer.")
            .arg(m_shown->outTradeNo, formatMoney(m_shown->amount)),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("reverseOrderMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* confirm = box->addButton(tr("Reverse"), QMessageBox::DestructiveRole);
    confirm->setObjectName(QStringLiteral("confirmReverseOrderPushButton"));
    QPushButton* keep = box->addButton(tr("Keep the payment"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepOrderPushButton"));
    box->setDefaultButton(keep);
    connect(box, &QMessageBox::buttonClicked, this, [this, confirm](QAbstractButton* clicked) {
        if (clicked == confirm)
            startAction(OrderAction::Kind::Reverse);
    });
    box->open();
}

void OrdersPanel::startAction(OrderAction::Kind kind)
{
    if (!m_context || !m_shown || isBusy() || m_shown->profileId != m_context->profileId)
        return;
    m_detailError->clear();
    auto* action = new OrderAction(*m_context, this);
    connect(action, &OrderAction::finished, this, &OrdersPanel::onActionFinished);
    if (const Status started = action->start(kind, OrderRef::byOutTradeNo(m_shown->outTradeNo)); !started) {
        delete action;
        m_detailError->showError(started.error());
        return;
    }
    m_action = action;
    if (kind == OrderAction::Kind::Close) {
        m_busy = Busy::Closing;
        setActionStatus([] { return tr("Closing the order…"); });
    } else {
        m_busy = Busy::Reversing;
        setActionStatus([] { return tr("Reversing the payment…"); });
    }
    updateEnabled();
}

void OrdersPanel::onActionFinished(const OrderAction::Outcome& outcome)
{
    using Verdict = OrderAction::Outcome::Result;
    if (OrderAction* action = m_action.data())
        action->deleteLater();
    m_action = nullptr;
    m_busy = Busy::None;
    const bool close = outcome.kind == OrderAction::Kind::Close;
    const bool wasPaid = outcome.before && isPaid(outcome.before->state);
    const bool stale = outcome.afterLookupError.has_value();
    const auto withStale = [stale](const QString& text) -> QString {
        return stale ? text + u' ' + tr("It could not be checked again afterwards: press Check again.") : text;
    };
    switch (outcome.result) {
    case Verdict::Done:
        setActionStatus([close, wasPaid, withStale] {
            return withStale(close ? tr("The order is closed: it can no longer be paid.")
                    : wasPaid      ? tr("The payment is reversed: the money goes back to the customer.")
                                   : tr("The payment is cancelled: nothing was charged."));
        });
        break;
    case Verdict::NothingToDo:
        setActionStatus([] { return tr("Nothing to do: the order had already ended without payment."); });
        break;
    case Verdict::RecallNeeded:
        setActionStatus([] {
            return tr("WeChat Pay asks for the reverse to be sent again: press Reverse again in a few seconds.");
        });
        break;
    case Verdict::Refused:
    case Verdict::Failed: {
        setActionStatus(nullptr);
        const Error error
            = outcome.error.value_or(Error::protocol(QStringLiteral("NO_ANSWER"), QStringLiteral("no answer")));
        if (close && outcome.result == Verdict::Refused && hasCode(error, u"ORDERPAID"))
            m_detailError->showError(
                [] { return tr("The order is paid, so it cannot be closed: refund it instead."); }, error);
        else
            m_detailError->showError(error);
        break;
    }
    }
    reload();
}

void OrdersPanel::openExportDialog()
{
    if (!m_context)
        return;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString name = QStringLiteral("orders-%1-%2.csv")
                             .arg(m_from->date().toString(QStringLiteral("yyyyMMdd")),
                                 m_to->date().toString(QStringLiteral("yyyyMMdd")));
    auto* dialog = new QFileDialog(this, tr("Export orders"), QDir(folder).filePath(name), tr("CSV files (*.csv)"));
    dialog->setObjectName(QStringLiteral("exportCsvFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("csv"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &QFileDialog::fileSelected, this, [this](const QString& path) { static_cast<void>(exportCsv(path)); });
    dialog->open();
}

Result<qint64> OrdersPanel::exportCsv(const QString& path)
{
    if (!m_context)
        return Error::input(QStringLiteral("HISTORY_NOT_OPEN"), QStringLiteral("the order history is not open yet"));
    if (m_applyTimer->isActive())
        applyFilters(); // what was typed last counts
    m_listError->clear();
    const auto fail = [this, path](const Error& error) {
        m_exportText = nullptr;
        m_exportStatus->clear();
        m_listError->showError(
            [path] { return tr("The orders could not be written to %1: choose another file.").arg(path); }, error);
        return error;
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return fail(Error::storage(
            QStringLiteral("EXPORT_FAILED"), QStringLiteral("cannot write %1: %2").arg(path, file.errorString())));
    }
    auto written = m_context->orders.exportCsv(m_model->query(), file);
    if (!written) {
        file.cancelWriting();
        return fail(written.error());
    }
    if (!file.commit()) {
        return fail(Error::storage(
            QStringLiteral("EXPORT_FAILED"), QStringLiteral("cannot write %1: %2").arg(path, file.errorString())));
    }
    const int count = static_cast<int>(std::min<qint64>(written.value(), INT_MAX));
    const QString fileName = QDir::toNativeSeparators(path);
    m_exportText = [count, fileName] { return tr("%n order(s) written to %1.", nullptr, count).arg(fileName); };
    m_exportStatus->setText(m_exportText());
    qCInfo(lcUi) << "exported" << written.value() << "orders";
    return written;
}

void OrdersPanel::setActionStatus(std::function<QString()> text)
{
    m_actionText = std::move(text);
    m_actionStatus->setText(m_actionText ? m_actionText() : QString());
    m_actionStatus->setVisible(static_cast<bool>(m_actionText));
}

void OrdersPanel::updateEnabled()
{
    const bool ready = m_context.has_value();
    const bool busy = isBusy();
    m_historyStatus->setVisible(!ready);
    m_search->setEnabled(ready && !busy);
    m_searchButton->setEnabled(ready && !busy);
    for (QWidget* filter : std::initializer_list<QWidget*> { m_from, m_to, m_state, m_profile, m_min, m_max, m_text })
        filter->setEnabled(ready);
    m_table->setEnabled(ready);
    m_export->setEnabled(ready);

    const bool own = ready && m_shown && m_shown->profileId == m_context->profileId;
    const TradeState state = m_shown ? m_shown->state : TradeState::Unknown;
    const bool micropay = m_shown && m_shown->tradeType == u"MICROPAY";
    const bool can = own && !busy;
    m_refresh->setEnabled(can);
    m_close->setEnabled(can && !isFinal(state) && !micropay);
    m_reverse->setEnabled(can && micropay && state != TradeState::Revoked && state != TradeState::Closed
        && state != TradeState::PayError && state != TradeState::Refund);
    m_refund->setEnabled(can && isPaid(state));
    m_unionId->setEnabled(can && isPaid(state) && !m_shown->payerOpenid.isEmpty());
    m_back->setEnabled(true);

    QString otherProfile;
    if (m_shown && !own && ready)
        otherProfile = tr("This order belongs to the profile “%1”: switch to that profile to act on it.")
                           .arg(profileName(m_shown->profileId));
    const auto tip = [&otherProfile](QPushButton* button, const QString& what) {
        button->setToolTip(otherProfile.isEmpty() ? what : otherProfile);
    };
    tip(m_refresh, tr("Ask WeChat Pay where the order stands and update the history."));
    tip(m_close, tr("Close an unpaid order so that it can no longer be paid."));
    tip(m_reverse,
        tr("Reverse a payment-code (Quick Pay) payment: an unfinished one is cancelled, a completed one "
           "given back."));
    tip(m_refund, tr("Refund all or part of a paid order."));
    tip(m_unionId, tr("Look up the payer's UnionID (mini-program)."));
}

void OrdersPanel::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape && isShowingOrder()) {
        showList();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void OrdersPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OrdersPanel::retranslateUi()
{
    m_title->setText(tr("Orders"));
    m_historyStatus->setText(tr("Opening the order history…"));
    m_searchLabel->setText(tr("Find an order:"));
    m_search->setPlaceholderText(tr("WeChat Pay order number or your order number, then Enter"));
    m_searchButton->setText(tr("Find"));
    m_recognised->setText(m_recognisedText ? m_recognisedText() : QString());
    m_recognised->setVisible(static_cast<bool>(m_recognisedText));
    m_fromLabel->setText(tr("From:"));
    m_toLabel->setText(tr("To:"));
    m_stateLabel->setText(tr("Status:"));
    m_state->setItemText(0, tr("Any status"));
    for (int i = 1; i < m_state->count(); ++i)
        m_state->setItemText(i, OrderHistoryModel::stateText(static_cast<TradeState>(m_state->itemData(i).toInt())));
    m_profileLabel->setText(tr("Profile:"));
    m_profile->setItemText(0, tr("All profiles"));
    m_minLabel->setText(tr("Amount from:"));
    m_maxLabel->setText(tr("to:"));
    m_textLabel->setText(tr("Description contains:"));
    m_export->setText(tr("Export CSV…"));
    m_exportStatus->setText(m_exportText ? m_exportText() : QString());
    m_model->retranslate();
    updateCount();

    m_back->setText(tr("← Back"));
    m_refresh->setText(tr("Check again"));
    m_close->setText(tr("Close order…"));
    m_reverse->setText(tr("Reverse…"));
    m_refund->setText(tr("Refund…"));
    m_unionId->setText(tr("Look up UnionID…"));
    m_refundsTitle->setText(tr("Refunds"));
    m_refunds->setHorizontalHeaderLabels({ tr("Refund number"), tr("WeChat Pay refund number"), tr("Amount"),
        tr("Status"), tr("Requested"), tr("Completed") });
    m_auditTitle->setText(tr("Activity"));
    m_audit->setHorizontalHeaderLabels({ tr("Time"), tr("By"), tr("What"), tr("Request-ID"), tr("Details") });
    m_actionStatus->setText(m_actionText ? m_actionText() : QString());
    m_actionStatus->setVisible(static_cast<bool>(m_actionText));
    if (m_shown) {
        // The tables' words (statuses, actions) and the fields again.
        loadDetail(m_shownProfileId, m_shownOutTradeNo);
    } else {
        renderDetail();
    }
    updateEnabled();
}

} // namespace wxpay::ui
