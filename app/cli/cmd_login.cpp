// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/signin.h"
#include "auth/urlopener.h"
#include "command.h"
#include "profileaccess.h"
#include "signinsession.h"
#include "store/profilekeys.h"

#include <QCoreApplication>
#include <QTextStream>

namespace stocktake::cli {

namespace {

// For the members of LoginCommand; LogoutCommand has its own context (lupdate files its tr() calls
// under LogoutCommand), declared in the class.
QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::cli::LoginCommand", text);
}

/// Text from the sign-in service, made safe for a terminal: no control characters (an escape
/// sequence in a user code must not reach the terminal).
QString printable(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
            out.append(c);
    }
    return out;
}

/// `login [--device-code|--browser] [--no-open]`: signs the profile in and keeps the refresh
/// token in the profile's key store. The browser flow is the default; the device flow prints a
/// URL and a code to stderr and polls.
class LoginCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("login"); }
    [[nodiscard]] QString synopsis() const override
    {
        return QStringLiteral("login [--device-code|--browser] [--no-open]");
    }
    [[nodiscard]] QString summary() const override
    {
        return tr("Signs the profile in to its tenant: in this computer's browser (authorization code with PKCE, "
                  "the default) or with a code entered on any device (--device-code). The refresh token goes to "
                  "the keychain; --no-open prints the browser address instead of opening it.");
    }

    void run(CommandContext &context, const QStringList &arguments, Finish finish) override
    {
        m_context = &context;
        m_finish = std::move(finish);
        const auto parsed = parseArguments(
            arguments, {}, {QStringLiteral("--device-code"), QStringLiteral("--browser"), QStringLiteral("--no-open")});
        if (!parsed)
            return m_finish(parsed.error());
        if (!parsed->positional.isEmpty())
            return m_finish(usageError(tr("login takes no arguments besides --device-code, --browser and --no-open.")));
        const bool deviceCode = parsed->flags.contains(QStringLiteral("--device-code"));
        if (deviceCode && parsed->flags.contains(QStringLiteral("--browser")))
            return m_finish(usageError(tr("Choose one of --device-code and --browser.")));
        m_method = deviceCode ? auth::SignIn::Method::DeviceCode : auth::SignIn::Method::Browser;
        m_noOpen = parsed->flags.contains(QStringLiteral("--no-open"));

        m_access = std::make_unique<ProfileAccess>(context);
        m_access->selectProfile([this](core::Result<store::Profile> profile) {
            if (!profile)
                return m_finish(profile.error());
            m_profile = *profile;
            const auto keys = m_access->keysFor(m_profile);
            if (!keys)
                return m_finish(keys.error());
            start(**keys);
        });
    }

private:
    void start(secrets::KeyStore &keys)
    {
        m_signIn = std::make_unique<auth::SignIn>(signInSettings(m_profile), keys,
            store::ProfileKeys::refreshTokenEntry(m_profile.id), m_noOpen ? nullptr : &m_opener);
        QObject::connect(m_signIn.get(), &auth::SignIn::deviceCodeReady, m_signIn.get(),
            [this](const QString &userCode, const QUrl &verificationUri, const QString &) {
                QTextStream &err = *m_context->err;
                err << tr("To sign in, open %1 in a browser on any device and enter the code %2")
                           .arg(verificationUri.toString(QUrl::FullyEncoded), printable(userCode))
                    << u'\n' << tr("Enter the code only if you started this sign-in in Stocktake yourself.") << u'\n'
                    << tr("Waiting for the sign-in to finish…") << u'\n';
                err.flush();
            });
        QObject::connect(m_signIn.get(), &auth::SignIn::browserUrlReady, m_signIn.get(), [this](const QUrl &url) {
            QTextStream &err = *m_context->err;
            err << (m_noOpen ? tr("Open this address in a browser on this computer to sign in:")
                             : tr("Opening the sign-in page in your browser. If it does not open, open this address "
                                  "in a browser on this computer:"))
                << u'\n' << url.toString(QUrl::FullyEncoded) << u'\n';
            err.flush();
        });
        QObject::connect(m_signIn.get(), &auth::SignIn::finished, m_signIn.get(),
            [this](const core::Result<auth::SignedIn> &result) {
                if (!result)
                    return m_finish(result.error());
                *m_context->out << tr("Signed in: profile %1, tenant %2.").arg(m_profile.name, m_profile.tenant)
                                << u'\n';
                m_finish({});
            });
        m_signIn->start(m_method);
    }

    CommandContext *m_context = nullptr;
    Finish m_finish;
    auth::SignIn::Method m_method = auth::SignIn::Method::Browser;
    bool m_noOpen = false;
    auth::SystemUrlOpener m_opener;
    std::unique_ptr<ProfileAccess> m_access;
    store::Profile m_profile;
    std::unique_ptr<auth::SignIn> m_signIn;
};

/// `logout`: deletes the profile's refresh token from its key store. The access token never
/// outlives a process, so nothing else is left; `login` signs in again.
class LogoutCommand final : public Command {
    Q_DECLARE_TR_FUNCTIONS(stocktake::cli::LogoutCommand)

public:
    [[nodiscard]] QString name() const override { return QStringLiteral("logout"); }
    [[nodiscard]] QString synopsis() const override { return QStringLiteral("logout"); }
    [[nodiscard]] QString summary() const override
    {
        return tr("Deletes this profile's refresh token from the keychain (or its passphrase vault); sign in again "
                  "with login.");
    }

    void run(CommandContext &context, const QStringList &arguments, Finish finish) override
    {
        m_context = &context;
        m_finish = std::move(finish);
        if (!arguments.isEmpty())
            return m_finish(usageError(tr("logout takes no arguments.")));
        m_access = std::make_unique<ProfileAccess>(context);
        m_access->selectProfile([this](core::Result<store::Profile> profile) {
            if (!profile)
                return m_finish(profile.error());
            m_profile = *profile;
            const auto keys = m_access->keysFor(m_profile);
            if (!keys)
                return m_finish(keys.error());
            (*keys)->remove(store::ProfileKeys::refreshTokenEntry(m_profile.id), [this](core::Status removed) {
                if (!removed)
                    return m_finish(removed);
                *m_context->out << tr("Signed out: profile %1 holds no refresh token now.").arg(m_profile.name)
                                << u'\n';
                m_finish({});
            });
        });
    }

private:
    CommandContext *m_context = nullptr;
    Finish m_finish;
    std::unique_ptr<ProfileAccess> m_access;
    store::Profile m_profile;
};

}  // namespace

std::unique_ptr<Command> makeLoginCommand()
{
    return std::make_unique<LoginCommand>();
}

std::unique_ptr<Command> makeLogoutCommand()
{
    return std::make_unique<LogoutCommand>();
}

}  // namespace stocktake::cli
