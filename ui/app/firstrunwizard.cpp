// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "firstrunwizard.h"

#include "core/clock.h"
#include "profilesession.h"
#include "secrets/qtkeychainstore.h"
#include "signinpanel.h"
#include "store/database.h"
#include "store/profilekeys.h"
#include "sync/syncengine.h"
#include "syncsetup.h"

#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

namespace stocktake::ui {

// ---------------------------------------------------------------------------------------------
// 1. The tenant: name, tenant, client id, endpoints. Leaving the page creates the profile.

class FirstRunWizard::TenantPage : public QWizardPage {
    Q_DECLARE_TR_FUNCTIONS(stocktake::ui::FirstRunWizard)

public:
    explicit TenantPage(FirstRunWizard *wizard)
        : m_wizard(wizard)
        , m_name(new QLineEdit(QStringLiteral("tenant"), this))
        , m_tenant(new QLineEdit(this))
        , m_clientId(new QLineEdit(this))
        , m_authority(new QLineEdit(QString::fromLatin1(store::kDefaultAuthority), this))
        , m_graph(new QLineEdit(QString::fromLatin1(store::kDefaultGraphRoot), this))
        , m_message(new QLabel(this))
    {
        setTitle(tr("Your tenant"));
        setSubTitle(tr("Stocktake keeps one encrypted database per tenant on this computer. Its key goes to "
                       "the system keychain; nothing is sent anywhere but Microsoft."));
        m_name->setObjectName(QStringLiteral("profileNameLineEdit"));
        m_tenant->setObjectName(QStringLiteral("tenantLineEdit"));
        m_clientId->setObjectName(QStringLiteral("clientIdLineEdit"));
        m_authority->setObjectName(QStringLiteral("authorityLineEdit"));
        m_graph->setObjectName(QStringLiteral("graphLineEdit"));
        m_message->setObjectName(QStringLiteral("tenantMessageLabel"));
        m_tenant->setPlaceholderText(tr("contoso.onmicrosoft.com or the tenant ID"));
        m_clientId->setPlaceholderText(tr("Application (client) ID of your Stocktake registration"));
        if (QString::fromLatin1(store::kStocktakeEntraClientId)
            != QStringLiteral("00000000-0000-0000-0000-000000000000"))
            m_clientId->setText(QString::fromLatin1(store::kStocktakeEntraClientId));
        m_name->setAccessibleName(tr("Profile name"));
        m_tenant->setAccessibleName(tr("Tenant"));
        m_clientId->setAccessibleName(tr("Application (client) ID"));
        m_authority->setAccessibleName(tr("Identity platform address"));
        m_graph->setAccessibleName(tr("Microsoft Graph address"));
        m_message->setWordWrap(true);
        m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

        auto *form = new QFormLayout;
        form->addRow(tr("Profile &name:"), m_name);
        form->addRow(tr("&Tenant:"), m_tenant);
        form->addRow(tr("&Application (client) ID:"), m_clientId);
        auto *help = new QLabel(tr("Register Stocktake once in the Entra admin center as a public client "
                                   "(\"Mobile and desktop applications\", redirect URI http://localhost, "
                                   "public client flows allowed) and paste its application ID here. "
                                   "docs/sign-in.md lists the permissions and why each is needed."),
            this);
        help->setWordWrap(true);
        auto *advanced = new QGroupBox(tr("Endpoints (only for sovereign clouds and test servers)"), this);
        advanced->setCheckable(true);
        advanced->setChecked(false);
        advanced->setObjectName(QStringLiteral("endpointsGroupBox"));
        auto *advancedForm = new QFormLayout(advanced);
        advancedForm->addRow(tr("&Identity platform:"), m_authority);
        advancedForm->addRow(tr("Microsoft &Graph:"), m_graph);
        m_authority->setEnabled(false);
        m_graph->setEnabled(false);
        QObject::connect(advanced, &QGroupBox::toggled, m_authority, &QWidget::setEnabled);
        QObject::connect(advanced, &QGroupBox::toggled, m_graph, &QWidget::setEnabled);

        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(help);
        layout->addWidget(advanced);
        layout->addStretch();
        layout->addWidget(m_message);
        for (QLineEdit *edit : {m_name, m_tenant, m_clientId})
            QObject::connect(edit, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    }

    void prefill(const store::Profile &p)
    {
        m_name->setText(p.name);
        m_tenant->setText(p.tenant);
        m_clientId->setText(p.clientId);
        if (!p.authority.isEmpty())
            m_authority->setText(p.authority);
        if (!p.graphRoot.isEmpty())
            m_graph->setText(p.graphRoot);
    }

    [[nodiscard]] bool isComplete() const override
    {
        return !m_busy && !m_name->text().trimmed().isEmpty() && !m_tenant->text().trimmed().isEmpty()
            && !m_clientId->text().trimmed().isEmpty();
    }

    bool validatePage() override
    {
        if (m_wizard->m_profile)
            return true;  // created already; coming back and forth changes nothing
        if (m_busy)
            return false;
        const auto profile = collect();
        if (!profile) {
            showError(profile.error().userMessage);
            return false;
        }
        create(*profile);
        return false;  // the wizard moves on when the profile exists
    }

private:
    core::Result<store::Profile> collect() const
    {
        store::Profile p;
        p.name = m_name->text().trimmed();
        p.tenant = m_tenant->text().trimmed();
        p.clientId = m_clientId->text().trimmed();
        p.authority = m_authority->text().trimmed();
        p.graphRoot = m_graph->text().trimmed();
        while (p.authority.endsWith(u'/'))
            p.authority.chop(1);
        while (p.graphRoot.endsWith(u'/'))
            p.graphRoot.chop(1);
        const auto invalid = [](const QString &message) {
            return core::Error {QStringLiteral("ui.invalid"), message, QString(), core::ExitCode::Usage};
        };
        if (!store::ProfileStore::isValidName(p.name))
            return invalid(tr("A profile name is 1 to 64 letters, digits, '.', '_' or '-', starting with a "
                              "letter or digit."));
        if (!store::ProfileStore::isValidTenant(p.tenant))
            return invalid(tr("The tenant is its ID (a GUID) or one of its domains, such as contoso.com."));
        if (!store::ProfileStore::isGuid(p.clientId))
            return invalid(tr("The application (client) ID is a GUID; copy it from the app registration's "
                              "overview page."));
        if (!store::ProfileStore::isAllowedEndpoint(p.authority)
            || !store::ProfileStore::isAllowedEndpoint(p.graphRoot))
            return invalid(tr("Endpoints must be https:// addresses (http:// only on this computer)."));
        const auto existing = m_wizard->m_profiles.list();
        if (!existing)
            return existing.error();
        for (const store::Profile &other : *existing) {
            if (other.name == p.name)
                return invalid(tr("A profile called %1 already exists; choose another name.").arg(p.name));
        }
        p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        p.created = m_wizard->m_clock.nowUtc();
        return p;
    }

    void showError(const QString &message)
    {
        m_message->setText(message);
        m_message->setAccessibleDescription(message);
    }

    void setBusy(bool busy)
    {
        m_busy = busy;
        for (QWidget *w :
            {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_tenant), static_cast<QWidget *>(m_clientId)})
            w->setEnabled(!busy);
        Q_EMIT completeChanged();
    }

    void create(const store::Profile &profile)
    {
        setBusy(true);
        showError(tr("Creating the encrypted database…"));
        // No keychain, no profile: fail before any file exists (SECURITY B1, B2).
        m_wizard->m_keychain.probe(
            [this, profile](core::Status usable) {
                if (!usable) {
                    setBusy(false);
                    return showError(usable.error().userMessage);
                }
                m_keys = std::make_unique<store::ProfileKeys>(m_wizard->m_keychain);
                m_keys->addProfile(m_wizard->m_profiles, profile, [this, profile](store::ProfileKeys::Opened db) {
                    if (!db) {
                        setBusy(false);
                        return showError(db.error().userMessage);
                    }
                    db->reset();
                    m_wizard->m_profile = profile;
                    m_wizard->m_session
                        = std::make_unique<ProfileSession>(m_wizard->m_profiles, profile, m_wizard->m_keychain);
                    QObject::connect(m_wizard->m_session.get(), &ProfileSession::opened, this, [this] {
                        setBusy(false);
                        showError(QString());
                        m_wizard->next();
                    });
                    QObject::connect(
                        m_wizard->m_session.get(), &ProfileSession::failed, this, [this](const core::Error &error) {
                            setBusy(false);
                            showError(error.userMessage);
                        });
                    m_wizard->m_session->open();
                });
            },
            secrets::QtKeychainStore::ProbeMode::ReadWrite);
    }

    FirstRunWizard *m_wizard;
    QLineEdit *m_name;
    QLineEdit *m_tenant;
    QLineEdit *m_clientId;
    QLineEdit *m_authority;
    QLineEdit *m_graph;
    QLabel *m_message;
    std::unique_ptr<store::ProfileKeys> m_keys;
    bool m_busy = false;
};

// ---------------------------------------------------------------------------------------------
// 2. Sign-in: the panel does the flows; the page is complete when a refresh token is stored.

class FirstRunWizard::SignInPage : public QWizardPage {
    Q_DECLARE_TR_FUNCTIONS(stocktake::ui::FirstRunWizard)

public:
    explicit SignInPage(FirstRunWizard *wizard)
        : m_wizard(wizard)
    {
        setTitle(tr("Sign in"));
        setSubTitle(tr("Sign in with an administrator account of the tenant. Stocktake never sees your "
                       "password; it keeps a refresh token in the keychain."));
        m_layout = new QVBoxLayout(this);
    }

    void initializePage() override
    {
        if (m_panel || !m_wizard->m_profile)
            return;
        m_panel = new SignInPanel(*m_wizard->m_profile, m_wizard->m_keychain, this);
        m_panel->setObjectName(QStringLiteral("signInPanel"));
        m_layout->addWidget(m_panel);
        QObject::connect(m_panel, &SignInPanel::signedIn, this, [this] {
            Q_EMIT completeChanged();
            m_wizard->next();
        });
    }

    [[nodiscard]] bool isComplete() const override { return m_panel && m_panel->isSignedIn(); }

    void cleanupPage() override
    {
        if (m_panel)
            m_panel->cancel();
    }

private:
    FirstRunWizard *m_wizard;
    QVBoxLayout *m_layout;
    SignInPanel *m_panel = nullptr;
};

// ---------------------------------------------------------------------------------------------
// 3. The first sync, through the same engine the window uses.

class FirstRunWizard::SyncPage : public QWizardPage {
    Q_DECLARE_TR_FUNCTIONS(stocktake::ui::FirstRunWizard)

public:
    explicit SyncPage(FirstRunWizard *wizard)
        : m_wizard(wizard)
        , m_bar(new QProgressBar(this))
        , m_status(new QLabel(this))
        , m_entities(new QListWidget(this))
        , m_cancel(new QPushButton(tr("&Cancel sync"), this))
    {
        setTitle(tr("First sync"));
        setSubTitle(tr("Stocktake reads the directory, licenses and apps first; sign-in history follows in the "
                       "background and can take hours in a large tenant. You can start working as soon as "
                       "this finishes, or cancel: what is done stays saved."));
        m_bar->setObjectName(QStringLiteral("firstSyncProgressBar"));
        m_status->setObjectName(QStringLiteral("firstSyncStatusLabel"));
        m_entities->setObjectName(QStringLiteral("firstSyncEntityList"));
        m_cancel->setObjectName(QStringLiteral("cancelFirstSyncPushButton"));
        m_bar->setAccessibleName(tr("Sync progress"));
        m_entities->setAccessibleName(tr("Synced data"));
        m_status->setWordWrap(true);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_bar);
        layout->addWidget(m_status);
        layout->addWidget(m_entities, 1);
        layout->addWidget(m_cancel, 0, Qt::AlignRight);
        setFinalPage(true);
        QObject::connect(m_cancel, &QPushButton::clicked, this, [this] {
            if (m_engine && m_engine->isRunning()) {
                m_status->setText(tr("Cancelling…"));
                m_engine->cancel();
            }
        });
    }

    void initializePage() override
    {
        if (m_engine || !m_wizard->m_session)
            return;
        m_engine = makeSyncEngine(*m_wizard->m_session, m_wizard->m_clock, this);
        QObject::connect(m_engine.get(), &sync::SyncEngine::progress, this, [this](const sync::SyncProgress &p) {
            const QString what = p.detail.isEmpty() ? p.entity : p.entity + u' ' + p.detail;
            m_status->setText(tr("%1: %n item(s)", nullptr, int(std::min<qint64>(p.items, INT_MAX))).arg(what));
        });
        QObject::connect(m_engine.get(), &sync::SyncEngine::entityFinished, this, [this](const sync::EntitySummary &s) {
            ++m_done;
            m_bar->setValue(m_done);
            m_entities->addItem(entityLine(s));
        });
        QObject::connect(m_engine.get(), &sync::SyncEngine::finished, this,
            [this](const sync::SyncReport &report) { finished(report); });
        const sync::SyncRequest request;  // everything
        // Every entity reports once, and the users' activity pass once more.
        m_bar->setRange(0, int(sync::selectEntities({})->size()) + 1);
        m_bar->setValue(0);
        m_status->setText(tr("Starting…"));
        m_engine->start(request);
    }

    [[nodiscard]] bool isComplete() const override { return m_finished; }

private:
    static QString entityLine(const sync::EntitySummary &s)
    {
        switch (s.outcome) {
        case sync::EntitySummary::Outcome::Ok:
            return tr("%1: %n item(s)", nullptr, int(std::min<qint64>(s.items, INT_MAX))).arg(s.entity);
        case sync::EntitySummary::Outcome::Cancelled:
            return tr("%1: cancelled").arg(s.entity);
        case sync::EntitySummary::Outcome::Skipped:
            return tr("%1: skipped").arg(s.entity);
        case sync::EntitySummary::Outcome::Unavailable:
        case sync::EntitySummary::Outcome::Failed:
            break;
        }
        return tr("%1: %2").arg(s.entity, s.message);
    }

    void finished(const sync::SyncReport &report)
    {
        m_cancel->setEnabled(false);
        m_bar->setValue(m_bar->maximum());
        recordSync(*m_wizard->m_session, report, m_wizard->m_clock);
        if (report.cancelled)
            m_status->setText(tr("Sync cancelled; what finished is saved. Sync again from the window at any time."));
        else if (report.firstError)
            m_status->setText(report.firstError->userMessage);
        else
            m_status->setText(tr("Done in %n second(s).", nullptr, int(report.seconds)));
        m_finished = true;
        Q_EMIT completeChanged();
    }

    FirstRunWizard *m_wizard;
    QProgressBar *m_bar;
    QLabel *m_status;
    QListWidget *m_entities;
    QPushButton *m_cancel;
    std::unique_ptr<sync::SyncEngine> m_engine;
    int m_done = 0;
    bool m_finished = false;
};

// ---------------------------------------------------------------------------------------------

FirstRunWizard::FirstRunWizard(
    store::ProfileStore profiles, secrets::QtKeychainStore &keychain, const core::Clock &clock, QWidget *parent)
    : QWizard(parent)
    , m_profiles(std::move(profiles))
    , m_keychain(keychain)
    , m_clock(clock)
    , m_tenantPage(new TenantPage(this))
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Set up Stocktake"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(TenantPageId, m_tenantPage);
    setPage(SignInPageId, new SignInPage(this));
    setPage(SyncPageId, new SyncPage(this));
    setStartId(TenantPageId);
}

FirstRunWizard::~FirstRunWizard() = default;

std::optional<store::Profile> FirstRunWizard::createdProfile() const
{
    return m_profile;
}

std::unique_ptr<ProfileSession> FirstRunWizard::takeSession()
{
    if (m_session)
        m_session->disconnect();  // the pages' handlers; the window connects its own
    return std::move(m_session);
}

void FirstRunWizard::prefill(const store::Profile &profile)
{
    m_tenantPage->prefill(profile);
}

}  // namespace stocktake::ui
