// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "auth/autherror.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace stocktake::auth {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("stocktake::auth::AuthError", text);
}

core::Error signIn(const char *code, const QString &message, const QString &detail)
{
    return core::Error {QLatin1StringView(code), message, detail, core::ExitCode::SignIn};
}

}  // namespace

int AuthError::aadstsCode(const QString &description)
{
    static const QRegularExpression re(QStringLiteral("AADSTS(\\d{1,9})"));
    const auto m = re.match(description);
    return m.hasMatch() ? m.captured(1).toInt() : 0;
}

core::Error AuthError::fromOAuth(const QString &error, const QString &description, const QString &adminConsentUrl)
{
    const int aadsts = aadstsCode(description);
    const QString detail = QStringLiteral("oauth error=%1 aadsts=%2").arg(error).arg(aadsts);

    switch (aadsts) {
    case 65001:
        if (adminConsentUrl.isEmpty())
            return signIn("auth.consent_required",
                tr("Stocktake has not been granted the permissions it needs in this "
                   "tenant. Ask an administrator to grant admin consent, then sign in "
                   "again."),
                detail);
        return signIn("auth.consent_required",
            tr("Stocktake has not been granted the permissions it needs in this tenant. "
               "Ask an administrator to grant admin consent at %1, then sign in again.")
                .arg(adminConsentUrl),
            detail);
    case 50076:
    case 50079:
    case 53003:
        return signIn("auth.interaction_required",
            tr("Your organisation requires multi-factor authentication or another "
               "Conditional Access check. Sign in again interactively with "
               "'stocktake-cli login'."),
            detail);
    case 700016:
        return signIn("auth.unknown_application",
            tr("The tenant does not know Stocktake's application (client) ID. Check the "
               "client ID in the profile, or ask an administrator to register the app."),
            detail);
    case 90002:
        return signIn("auth.unknown_tenant",
            tr("The tenant in the profile was not found. Check the tenant ID or domain "
               "name in the profile."),
            detail);
    default:
        break;
    }

    if (error == QLatin1StringView("authorization_declined") || error == QLatin1StringView("access_denied"))
        return signIn("auth.declined",
            tr("Sign-in was declined. Run 'stocktake-cli login' again if you want to "
               "sign in."),
            detail);
    if (error == QLatin1StringView("expired_token") || error == QLatin1StringView("code_expired"))
        return signIn("auth.code_expired",
            tr("The sign-in code expired before sign-in finished. Run "
               "'stocktake-cli login' again."),
            detail);
    if (error == QLatin1StringView("bad_verification_code"))
        return signIn("auth.bad_code",
            tr("The sign-in code was not recognised. Run 'stocktake-cli login' again "
               "and enter the new code."),
            detail);
    if (error == QLatin1StringView("invalid_grant"))
        return signIn("auth.sign_in_again",
            tr("Your sign-in has expired or was revoked. Sign in again with "
               "'stocktake-cli login'."),
            detail);
    if (error == QLatin1StringView("interaction_required") || error == QLatin1StringView("consent_required")
        || error == QLatin1StringView("login_required"))
        return signIn("auth.interaction_required",
            tr("The service needs you to sign in interactively. Sign in again with "
               "'stocktake-cli login'."),
            detail);
    if (error == QLatin1StringView("temporarily_unavailable") || error == QLatin1StringView("server_error"))
        return core::Error {QStringLiteral("auth.service_unavailable"),
            tr("The sign-in service is temporarily unavailable. Try again in a few "
               "minutes."),
            detail, core::ExitCode::Service};
    return signIn("auth.refused",
        tr("The sign-in service refused the request. Check the tenant and client ID in "
           "the profile, then sign in again."),
        detail);
}

core::Error AuthError::network(const QString &detail)
{
    return core::Error {QStringLiteral("auth.network"),
        tr("The sign-in service could not be reached. Check the network connection "
           "and try again."),
        detail, core::ExitCode::Service};
}

core::Error AuthError::cancelled()
{
    return signIn("auth.cancelled", tr("Sign-in was cancelled."), QStringLiteral("cancelled"));
}

core::Error AuthError::codeRejected(const QString &detail)
{
    return signIn("auth.code_rejected",
        tr("The sign-in service did not accept the answer from the browser (the code or its PKCE proof was "
           "refused). Sign in again."),
        detail);
}

core::Error AuthError::browserTimeout(bool forgedSeen)
{
    if (forgedSeen)
        return signIn("auth.state_mismatch",
            tr("The browser's answer did not belong to this sign-in and was ignored. Close other sign-in tabs "
               "and sign in again."),
            QStringLiteral("only callbacks with a wrong state arrived before the timeout"));
    return signIn("auth.browser_timeout",
        tr("Sign-in in the browser did not finish in time. Sign in again and complete it in the browser."),
        QStringLiteral("no callback before the timeout"));
}

core::Error AuthError::issuerMismatch(const QString &detail)
{
    return signIn("auth.issuer_mismatch",
        tr("The browser's answer came from another sign-in service than the profile's, so Stocktake did not "
           "use it. Sign in again."),
        detail);
}

core::Error AuthError::notSignedIn()
{
    return signIn("auth.not_signed_in",
        tr("This profile is not signed in. Sign in with 'stocktake-cli login' or in the app."),
        QStringLiteral("no stored refresh token"));
}

core::Error AuthError::noRefreshToken()
{
    return signIn("auth.no_refresh_token",
        tr("The sign-in service did not let Stocktake stay signed in (no refresh token: offline_access was "
           "not granted). Check the app registration's permissions, then sign in again."),
        QStringLiteral("token response without refresh_token"));
}

core::Error AuthError::noDeviceFlow()
{
    return signIn("auth.no_device_flow",
        tr("This sign-in service does not offer sign-in with a code. Sign in with the browser instead."),
        QStringLiteral("no device_authorization_endpoint in the metadata"));
}

core::Error AuthError::noLoopbackPort()
{
    return core::Error {QStringLiteral("auth.no_loopback_port"),
        tr("Stocktake could not open a local port for the browser's answer. Sign in with a code instead "
           "(--device-code)."),
        QStringLiteral("listen on 127.0.0.1 failed"), core::ExitCode::Failed};
}

}  // namespace stocktake::auth
