// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "signinpanel.h"

#include "auth/signin.h"
#include "auth/urlopener.h"
#include "store/profilekeys.h"
#include "syncsetup.h"

#include <QApplication>
#include <QButtonGroup>
#include <QClipboard>
#include <QDesktopServices>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace stocktake::ui {

namespace {

/// The system browser through Qt Gui (RFC 8252 §4.1: never an embedded view).
class DesktopUrlOpener final : public auth::UrlOpener {
public:
    [[nodiscard]] bool open(const QUrl &url) override { return QDesktopServices::openUrl(url); }
};

/// A plain message as rich text whose https:// addresses are links (the admin-consent URL).
QString withLinks(const QString &message)
{
    static const QRegularExpression url(QStringLiteral(R"(https?://[^\s<>"]+[^\s<>".,;:])"));
    QString html;
    qsizetype last = 0;
    for (auto it = url.globalMatch(message); it.hasNext();) {
        const auto m = it.next();
        html += message.mid(last, m.capturedStart() - last).toHtmlEscaped();
        const QString link = m.captured().toHtmlEscaped();
        html += QStringLiteral("<a href=\"%1\">%1</a>").arg(link);
        last = m.capturedEnd();
    }
    html += message.mid(last).toHtmlEscaped();
    return html;
}

}  // namespace

SignInPanel::SignInPanel(const store::Profile &profile, secrets::KeyStore &keys, QWidget *parent)
    : QWidget(parent)
    , m_opener(std::make_unique<DesktopUrlOpener>())
    , m_signIn(new auth::SignIn(
          signInSettingsFor(profile), keys, store::ProfileKeys::refreshTokenEntry(profile.id), m_opener.get(), this))
    , m_deviceCode(new QRadioButton(tr("With a &code on any device (recommended)"), this))
    , m_browser(new QRadioButton(tr("In this computer's &browser"), this))
    , m_start(new QPushButton(tr("&Sign in"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_codeBox(new QWidget(this))
    , m_code(new QLabel(m_codeBox))
    , m_where(new QLabel(m_codeBox))
    , m_copy(new QPushButton(tr("&Copy code"), m_codeBox))
    , m_openPage(new QPushButton(tr("&Open the sign-in page"), m_codeBox))
    , m_status(new QLabel(this))
{
    m_deviceCode->setObjectName(QStringLiteral("deviceCodeRadioButton"));
    m_browser->setObjectName(QStringLiteral("browserRadioButton"));
    m_start->setObjectName(QStringLiteral("signInPushButton"));
    m_cancel->setObjectName(QStringLiteral("cancelSignInPushButton"));
    m_code->setObjectName(QStringLiteral("userCodeLabel"));
    m_where->setObjectName(QStringLiteral("verificationLabel"));
    m_copy->setObjectName(QStringLiteral("copyCodePushButton"));
    m_openPage->setObjectName(QStringLiteral("openVerificationPushButton"));
    m_status->setObjectName(QStringLiteral("signInStatusLabel"));
    m_deviceCode->setChecked(true);
    auto *group = new QButtonGroup(this);
    group->addButton(m_deviceCode);
    group->addButton(m_browser);

    QFont big = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    big.setPointSizeF(big.pointSizeF() * 2.4);
    big.setBold(true);
    m_code->setFont(big);
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_code->setAccessibleName(tr("Sign-in code"));
    m_where->setWordWrap(true);
    m_where->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_where->setOpenExternalLinks(true);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_status->setOpenExternalLinks(true);

    auto *codeLayout = new QVBoxLayout(m_codeBox);
    codeLayout->setContentsMargins(0, 0, 0, 0);
    codeLayout->addWidget(m_where);
    codeLayout->addWidget(m_code, 0, Qt::AlignHCenter);
    auto *codeButtons = new QHBoxLayout;
    codeButtons->addStretch();
    codeButtons->addWidget(m_copy);
    codeButtons->addWidget(m_openPage);
    codeButtons->addStretch();
    codeLayout->addLayout(codeButtons);
    m_codeBox->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_deviceCode);
    layout->addWidget(m_browser);
    layout->addLayout(buttons);
    layout->addWidget(m_codeBox);
    layout->addWidget(m_status);
    layout->addStretch();
    m_cancel->setEnabled(false);

    connect(m_start, &QPushButton::clicked, this, &SignInPanel::start);
    connect(m_cancel, &QPushButton::clicked, this, &SignInPanel::cancel);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_code->text()); });
    connect(m_openPage, &QPushButton::clicked, this, [this] {
        if (m_verificationUri.isValid())
            QDesktopServices::openUrl(m_verificationUri);
    });
    connect(m_signIn, &auth::SignIn::deviceCodeReady, this,
        [this](const QString &userCode, const QUrl &verificationUri, const QString &message) {
            m_verificationUri = verificationUri;
            m_code->setText(userCode);
            const QString link = verificationUri.toString().toHtmlEscaped();
            QString text = tr("Open <a href=\"%1\">%1</a> on any device, enter this code and sign in with an "
                              "administrator account. Enter it only if you started this sign-in in Stocktake "
                              "yourself.")
                               .arg(link);
            if (!message.isEmpty())
                text += QStringLiteral("<br><small>%1</small>").arg(message.toHtmlEscaped());
            m_where->setText(text);
            m_codeBox->show();
            m_status->setText(tr("Waiting for you to sign in…"));
            m_copy->setFocus();
        });
    connect(m_signIn, &auth::SignIn::browserUrlReady, this, [this](const QUrl &url) {
        m_status->setText(tr("Continue in your browser. If it did not open, open this address: %1")
                              .arg(withLinks(url.toString(QUrl::FullyEncoded))));
    });
    connect(m_signIn, &auth::SignIn::finished, this, [this](const core::Result<auth::SignedIn> &result) {
        setRunning(false);
        m_codeBox->hide();
        if (!result) {
            m_status->setText(withLinks(result.error().userMessage));
            return;
        }
        m_signedIn = true;
        m_start->setEnabled(false);
        m_deviceCode->setEnabled(false);
        m_browser->setEnabled(false);
        m_status->setText(tr("Signed in."));
        Q_EMIT signedIn();
    });
}

SignInPanel::~SignInPanel()
{
    delete m_signIn;  // before the opener it points to
}

void SignInPanel::start()
{
    if (m_signIn->isRunning() || m_signedIn)
        return;
    setRunning(true);
    m_status->setText(tr("Contacting the identity platform…"));
    m_signIn->start(m_browser->isChecked() ? auth::SignIn::Method::Browser : auth::SignIn::Method::DeviceCode);
}

void SignInPanel::cancel()
{
    if (m_signIn->isRunning())
        m_signIn->cancel();
}

void SignInPanel::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_deviceCode->setEnabled(!running);
    m_browser->setEnabled(!running);
}

}  // namespace stocktake::ui
