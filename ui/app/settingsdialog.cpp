// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsdialog.h"

#include "app/profilesession.h"
#include "store/database.h"
#include "store/prices.h"
#include "store/profilesettings.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace stocktake::ui {

namespace {

constexpr int kKeyRole = Qt::UserRole + 1;

core::Result<SettingsSnapshot> readSnapshot(
    const models::ConnectionFactory &connect, const insights::InsightsCatalog &catalog, const store::ProfileStore &home)
{
    auto db = connect();
    if (!db)
        return db.error();
    SettingsSnapshot snapshot;
    auto days = store::ProfileSettings::inactiveDays(**db);
    if (!days)
        return days.error();
    snapshot.inactiveDays = *days;
    auto prices = insights::priceList(**db, catalog);
    if (!prices)
        return prices.error();
    snapshot.prices = std::move(prices.value());
    auto profiles = home.list();
    if (!profiles)
        return profiles.error();
    for (const store::Profile &p : std::as_const(*profiles)) {
        if (!p.removing)
            snapshot.profiles.append(p);
    }
    return snapshot;
}

QString priceText(const std::optional<insights::UnitPrice> &price)
{
    if (!price)
        return QCoreApplication::translate("stocktake::ui::SettingsDialog", "—");
    const QString amount = price->amount.toDecimalString();
    const QString code = price->amount.currency().code();
    return price->period == insights::UnitPrice::Period::Year
        ? QCoreApplication::translate("stocktake::ui::SettingsDialog", "%1 %2 per year").arg(amount, code)
        : QCoreApplication::translate("stocktake::ui::SettingsDialog", "%1 %2 per month").arg(amount, code);
}

}  // namespace

SettingsDialog::SettingsDialog(ProfileSession *session, insights::InsightsCatalog catalog, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
    , m_catalog(std::move(catalog))
    , m_tabs(new QTabWidget(this))
    , m_inactiveDays(new QSpinBox(this))
    , m_applyInactive(new QPushButton(tr("&Apply"), this))
    , m_prices(new QTableWidget(this))
    , m_amount(new QLineEdit(this))
    , m_currency(new QLineEdit(this))
    , m_period(new QComboBox(this))
    , m_setPrice(new QPushButton(tr("&Set price"), this))
    , m_clearPrice(new QPushButton(tr("Use &list price"), this))
    , m_profiles(new QListWidget(this))
    , m_openProfile(new QPushButton(tr("&Open profile"), this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    resize(760, 520);

    // Reports: the inactivity window.
    auto *reports = new QWidget(m_tabs);
    m_inactiveDays->setObjectName(QStringLiteral("inactiveDaysSpinBox"));
    m_inactiveDays->setRange(store::ProfileSettings::kInactiveDaysMin, store::ProfileSettings::kInactiveDaysMax);
    m_inactiveDays->setSuffix(tr(" days"));
    m_inactiveDays->setAccessibleName(tr("Inactivity window in days"));
    m_applyInactive->setObjectName(QStringLiteral("applyInactiveDaysPushButton"));
    m_applyInactive->setAccessibleName(tr("Apply the inactivity window"));
    auto *windowRow = new QHBoxLayout;
    windowRow->addWidget(m_inactiveDays);
    windowRow->addWidget(m_applyInactive);
    windowRow->addStretch();
    auto *reportsForm = new QFormLayout(reports);
    auto *windowLabel = new QLabel(tr("&Inactivity window:"), reports);
    windowLabel->setBuddy(m_inactiveDays);
    reportsForm->addRow(windowLabel, windowRow);
    auto *windowHelp = new QLabel(tr("A person with a license who has not signed in within this many days counts as "
                                     "inactive, and the license as reclaimable. The licenses page, the overview and "
                                     "stocktake-cli report use it."),
        reports);
    windowHelp->setWordWrap(true);
    reportsForm->addRow(windowHelp);
    m_tabs->addTab(reports, tr("&Reports"));

    // Prices: list prices and the prices set over them.
    auto *prices = new QWidget(m_tabs);
    m_prices->setObjectName(QStringLiteral("pricesTableWidget"));
    m_prices->setAccessibleName(tr("License prices"));
    m_prices->setColumnCount(4);
    m_prices->setHorizontalHeaderLabels({tr("Product"), tr("Part number"), tr("List price"), tr("Your price")});
    m_prices->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_prices->setSelectionMode(QAbstractItemView::SingleSelection);
    m_prices->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_prices->setTabKeyNavigation(false);
    m_prices->verticalHeader()->setVisible(false);
    m_prices->horizontalHeader()->setStretchLastSection(true);
    m_prices->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_amount->setObjectName(QStringLiteral("priceAmountLineEdit"));
    m_amount->setAccessibleName(tr("Price amount"));
    m_amount->setPlaceholderText(tr("12.50"));
    m_amount->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("^[0-9]{0,12}(\\.[0-9]{0,3})?$")), m_amount));
    m_currency->setObjectName(QStringLiteral("priceCurrencyLineEdit"));
    m_currency->setAccessibleName(tr("Currency code"));
    m_currency->setPlaceholderText(tr("EUR"));
    m_currency->setMaxLength(3);
    m_currency->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("^[A-Za-z]{0,3}$")), m_currency));
    m_period->setObjectName(QStringLiteral("pricePeriodComboBox"));
    m_period->setAccessibleName(tr("Price period"));
    m_period->addItem(tr("per month"), QStringLiteral("month"));
    m_period->addItem(tr("per year"), QStringLiteral("year"));
    m_setPrice->setObjectName(QStringLiteral("setPricePushButton"));
    m_setPrice->setAccessibleName(tr("Set the price of the selected license"));
    m_clearPrice->setObjectName(QStringLiteral("clearPricePushButton"));
    m_clearPrice->setAccessibleName(tr("Remove your price and use the list price"));
    auto *editor = new QGroupBox(tr("Price of the selected license"), prices);
    auto *editorForm = new QFormLayout(editor);
    auto *amountLabel = new QLabel(tr("A&mount:"), editor);
    amountLabel->setBuddy(m_amount);
    editorForm->addRow(amountLabel, m_amount);
    auto *currencyLabel = new QLabel(tr("C&urrency:"), editor);
    currencyLabel->setBuddy(m_currency);
    editorForm->addRow(currencyLabel, m_currency);
    auto *periodLabel = new QLabel(tr("P&eriod:"), editor);
    periodLabel->setBuddy(m_period);
    editorForm->addRow(periodLabel, m_period);
    auto *priceButtons = new QHBoxLayout;
    priceButtons->addWidget(m_setPrice);
    priceButtons->addWidget(m_clearPrice);
    priceButtons->addStretch();
    editorForm->addRow(priceButtons);
    auto *pricesHelp = new QLabel(tr("License waste uses your price where you set one, else the bundled list price "
                                     "(Microsoft's US list prices, which may be out of date). Prices never mix "
                                     "currencies."),
        prices);
    pricesHelp->setWordWrap(true);
    auto *pricesLayout = new QVBoxLayout(prices);
    pricesLayout->addWidget(m_prices, 1);
    pricesLayout->addWidget(pricesHelp);
    pricesLayout->addWidget(editor);
    m_tabs->addTab(prices, tr("&Prices"));

    // Profiles.
    auto *profiles = new QWidget(m_tabs);
    m_profiles->setObjectName(QStringLiteral("profilesListWidget"));
    m_profiles->setAccessibleName(tr("Tenant profiles"));
    m_openProfile->setObjectName(QStringLiteral("openProfilePushButton"));
    m_openProfile->setAccessibleName(tr("Open the selected profile"));
    auto *profilesHelp = new QLabel(tr("Opening another profile closes this one. Profiles kept behind a passphrase "
                                       "open from the command line (stocktake-cli --passphrase-stdin)."),
        profiles);
    profilesHelp->setWordWrap(true);
    auto *profilesLayout = new QVBoxLayout(profiles);
    profilesLayout->addWidget(m_profiles, 1);
    profilesLayout->addWidget(profilesHelp);
    auto *openRow = new QHBoxLayout;
    openRow->addStretch();
    openRow->addWidget(m_openProfile);
    profilesLayout->addLayout(openRow);
    m_tabs->addTab(profiles, tr("Pro&files"));

    m_tabs->setObjectName(QStringLiteral("settingsTabWidget"));
    m_status->setObjectName(QStringLiteral("settingsStatusLabel"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_applyInactive, &QPushButton::clicked, this, &SettingsDialog::applyInactiveDays);
    connect(m_inactiveDays, &QSpinBox::valueChanged, this, &SettingsDialog::updateButtons);
    connect(m_setPrice, &QPushButton::clicked, this, &SettingsDialog::setPrice);
    connect(m_clearPrice, &QPushButton::clicked, this, &SettingsDialog::clearPrice);
    connect(m_amount, &QLineEdit::returnPressed, this, &SettingsDialog::setPrice);
    connect(m_amount, &QLineEdit::textChanged, this, &SettingsDialog::updateButtons);
    connect(m_currency, &QLineEdit::textChanged, this, &SettingsDialog::updateButtons);
    connect(m_openProfile, &QPushButton::clicked, this, &SettingsDialog::openSelectedProfile);
    connect(m_profiles, &QListWidget::itemActivated, this, &SettingsDialog::openSelectedProfile);
    connect(m_profiles, &QListWidget::currentRowChanged, this, &SettingsDialog::updateButtons);
    connect(m_prices, &QTableWidget::itemSelectionChanged, this, [this] {
        // Start the editor from what the figures use now.
        const QString key = selectedPriceKey();
        for (const auto &row : std::as_const(m_snapshot.prices)) {
            if (row.key != key)
                continue;
            const auto price = row.effective();
            m_amount->setText(price ? price->amount.toDecimalString() : QString());
            m_currency->setText(price ? price->amount.currency().code() : QString());
            m_period->setCurrentIndex(price && price->period == insights::UnitPrice::Period::Year ? 1 : 0);
        }
        updateButtons();
    });

    connect(&m_loader, &QFutureWatcherBase::finished, this, [this] {
        m_busy = false;
        auto result = m_loader.result();
        if (!result) {
            setStatus(result.error().userMessage);
        } else {
            present(*result);
        }
        updateButtons();
        Q_EMIT loaded();
    });
    connect(&m_writer, &QFutureWatcherBase::finished, this, [this] {
        m_busy = false;
        const core::Status status = m_writer.result();
        auto done = std::move(m_afterWrite);
        m_afterWrite = nullptr;
        if (!status) {
            setStatus(status.error().userMessage);
            updateButtons();
            Q_EMIT saved(status.error().userMessage);
            return;
        }
        setStatus(tr("Saved."));
        if (done)
            done();
        Q_EMIT saved(QString());
        reload();
    });
    reload();
}

SettingsDialog::~SettingsDialog()
{
    // The jobs hold their own copies and connections; this only joins the pool threads.
    m_loader.waitForFinished();
    m_writer.waitForFinished();
}

void SettingsDialog::reload()
{
    if (m_loader.isRunning())
        return;
    m_busy = true;
    updateButtons();
    m_loader.setFuture(
        QtConcurrent::run([connect = m_session->connectionFactory(), catalog = m_catalog,
                              home = m_session->profiles()] { return readSnapshot(connect, catalog, home); }));
}

void SettingsDialog::save(Write write, std::function<void()> done)
{
    if (m_writer.isRunning() || m_loader.isRunning())
        return;
    m_busy = true;
    m_afterWrite = std::move(done);
    updateButtons();
    m_writer.setFuture(
        QtConcurrent::run([connect = m_session->connectionFactory(), write = std::move(write)]() -> core::Status {
            auto db = connect();
            if (!db)
                return db.error();
            return write(**db);
        }));
}

void SettingsDialog::present(const SettingsSnapshot &snapshot)
{
    const QString selected = selectedPriceKey();
    m_snapshot = snapshot;
    m_inactiveDays->setValue(snapshot.inactiveDays);

    m_prices->setRowCount(int(snapshot.prices.size()));
    for (int r = 0; r < snapshot.prices.size(); ++r) {
        const insights::PriceListRow &row = snapshot.prices.at(r);
        const QStringList cells {row.productName, row.key, priceText(row.listPrice),
            row.manualPrice ? priceText(row.manualPrice) : tr("list price")};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(kKeyRole, row.key);
            m_prices->setItem(r, c, item);
        }
        if (row.key == selected)
            m_prices->selectRow(r);
    }
    m_prices->resizeColumnToContents(1);
    m_prices->resizeColumnToContents(2);

    const QString current = m_session->profile().id;
    const QString chosen = m_profiles->currentItem() ? m_profiles->currentItem()->data(kKeyRole).toString() : current;
    m_profiles->clear();
    for (const store::Profile &p : std::as_const(snapshot.profiles)) {
        QString text = tr("%1 — %2").arg(p.name, p.tenant);
        if (p.id == current)
            text = tr("%1 (open)").arg(text);
        else if (p.keyStorage == store::KeyStorage::Passphrase)
            text = tr("%1 (passphrase)").arg(text);
        auto *item = new QListWidgetItem(text, m_profiles);
        item->setData(kKeyRole, p.id);
        if (p.id == chosen)
            m_profiles->setCurrentItem(item);
    }
}

void SettingsDialog::applyInactiveDays()
{
    const int days = m_inactiveDays->value();
    if (days == m_snapshot.inactiveDays)
        return;
    save([days](const store::Database &db) { return store::ProfileSettings::setInactiveDays(db, days); },
        [this, days] { Q_EMIT inactiveDaysChanged(days); });
}

QString SettingsDialog::selectedPriceKey() const
{
    const QList<QTableWidgetItem *> items = m_prices->selectedItems();
    return items.isEmpty() ? QString() : items.constFirst()->data(kKeyRole).toString();
}

void SettingsDialog::setPrice()
{
    const QString key = selectedPriceKey();
    if (key.isEmpty() || !m_setPrice->isEnabled())
        return;
    const auto currency = core::Currency::fromCode(m_currency->text().trimmed().toUpper());
    if (!currency) {
        setStatus(tr("'%1' is not an ISO 4217 currency code (EUR, USD, NOK, …).").arg(m_currency->text()));
        return;
    }
    const auto amount = core::Money::parse(m_amount->text().trimmed(), *currency);
    if (!amount) {
        setStatus(tr("The amount is a plain number with '.' as the decimal point and at most %n decimal(s) for %1.",
            nullptr, currency->minorDigits())
                      .arg(currency->code()));
        return;
    }
    const store::ManualPrice price {key, *amount, m_period->currentData().toString(), QDateTime::currentDateTimeUtc()};
    save([price](const store::Database &db) { return store::Prices::set(db, price); },
        [this] { Q_EMIT pricesChanged(); });
}

void SettingsDialog::clearPrice()
{
    const QString key = selectedPriceKey();
    if (key.isEmpty())
        return;
    save([key](const store::Database &db) { return store::Prices::remove(db, key); },
        [this] { Q_EMIT pricesChanged(); });
}

void SettingsDialog::openSelectedProfile()
{
    const QListWidgetItem *item = m_profiles->currentItem();
    if (!item || !m_openProfile->isEnabled())
        return;
    const QString id = item->data(kKeyRole).toString();
    for (const store::Profile &p : std::as_const(m_snapshot.profiles)) {
        if (p.id == id) {
            Q_EMIT profileSwitchRequested(p);
            accept();
            return;
        }
    }
}

void SettingsDialog::updateButtons()
{
    const bool idle = !m_busy;
    m_applyInactive->setEnabled(idle && m_inactiveDays->value() != m_snapshot.inactiveDays);
    const QString key = selectedPriceKey();
    bool hasManual = false;
    for (const auto &row : std::as_const(m_snapshot.prices))
        hasManual = hasManual || (row.key == key && row.manualPrice);
    m_setPrice->setEnabled(idle && !key.isEmpty() && !m_amount->text().isEmpty() && m_currency->text().size() == 3);
    m_clearPrice->setEnabled(idle && hasManual);
    bool canOpen = false;
    if (const QListWidgetItem *item = m_profiles->currentItem()) {
        const QString id = item->data(kKeyRole).toString();
        for (const store::Profile &p : std::as_const(m_snapshot.profiles)) {
            if (p.id == id)
                canOpen = p.id != m_session->profile().id && p.keyStorage == store::KeyStorage::Keychain;
        }
    }
    m_openProfile->setEnabled(idle && canOpen);
}

void SettingsDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

}  // namespace stocktake::ui
