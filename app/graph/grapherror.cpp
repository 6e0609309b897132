// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "graph/grapherror.h"

#include "core/log.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace stocktake::graph {

using core::Error;
using core::ExitCode;

namespace {

QString boundedString(const QJsonValue &value, qsizetype cap)
{
    return value.isString() ? value.toString().left(cap) : QString();
}

/// Ids and codes for the log; Graph's own message may quote a UPN, so it goes through the
/// redactor and is cut short.
QString bodyDetail(int status, const std::optional<GraphErrorBody> &body, const QString &path)
{
    QString detail = QStringLiteral("HTTP %1 %2").arg(status).arg(path);
    if (body) {
        detail += QStringLiteral(" code=%1 request-id=%2 date=%3 message=%4")
                      .arg(body->code, body->requestId, body->date, core::redact(body->message.left(200)));
    }
    return detail;
}

}  // namespace

std::optional<GraphErrorBody> GraphError::parseBody(QByteArrayView body)
{
    if (body.isEmpty() || body.size() > qsizetype {64} * 1024) {
        return std::nullopt;
    }
    QJsonParseError parseError {};
    const QJsonDocument doc = QJsonDocument::fromJson(body.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        return std::nullopt;
    }
    return parseBody(doc.object());
}

std::optional<GraphErrorBody> GraphError::parseBody(const QJsonObject &body)
{
    const QJsonValue error = body.value(QLatin1StringView("error"));
    if (!error.isObject()) {
        return std::nullopt;
    }
    const QJsonObject e = error.toObject();
    GraphErrorBody out;
    out.code = boundedString(e.value(QLatin1StringView("code")), 200);
    out.message = boundedString(e.value(QLatin1StringView("message")), 2000);
    // Graph spells it innerError and, in older services, innererror.
    QJsonValue inner = e.value(QLatin1StringView("innerError"));
    if (!inner.isObject()) {
        inner = e.value(QLatin1StringView("innererror"));
    }
    if (inner.isObject()) {
        const QJsonObject i = inner.toObject();
        out.requestId = boundedString(i.value(QLatin1StringView("request-id")), 100);
        out.date = boundedString(i.value(QLatin1StringView("date")), 100);
    }
    if (out.code.isEmpty()) {
        return std::nullopt;
    }
    return out;
}

bool GraphError::isNoPremiumCode(QStringView code)
{
    return code == QLatin1StringView("Authentication_RequestFromNonPremiumTenantOrB2CTenant");
}

Error GraphError::fromHttp(
    int status, const std::optional<GraphErrorBody> &body, const QString &what, const QString &path)
{
    const QString detail = bodyDetail(status, body, path);
    const QString code = body ? body->code : QString();
    // Graph's text for this case is "Neither tenant is B2C or tenant doesn't have premium license".
    const bool noPremium = isNoPremiumCode(code)
        || (body && body->message.contains(QLatin1StringView("premium license"), Qt::CaseInsensitive));
    if (status == 403 && noPremium) {
        return {QStringLiteral("graph.no_premium"),
            tr("Microsoft Graph did not return %1: this needs a Microsoft Entra ID P1 or P2 licence, which the "
               "tenant does not have. Everything else is synced; add P1 to see last sign-ins and sign-in logs.")
                .arg(what),
            detail, ExitCode::Service};
    }
    if (status == 403) {
        return {QStringLiteral("graph.consent_missing"),
            tr("Microsoft Graph refused access to %1 (%2): the permission Stocktake needs for it has not been "
               "granted. Ask a Global or Privileged Role Administrator to grant admin consent to Stocktake, "
               "and make sure your account holds a role that may read it (for example Global Reader), then "
               "sync again.")
                .arg(what, code.isEmpty() ? QStringLiteral("403") : code),
            detail, ExitCode::SignIn};
    }
    if (status == 401) {
        return unauthorized(what, detail);
    }
    if (status == 410 || code == QLatin1StringView("syncStateNotFound") || code == QLatin1StringView("resyncRequired")
        || code == QLatin1StringView("syncStateInvalid")) {
        return {QStringLiteral("graph.resync_required"),
            tr("Microsoft Graph no longer accepts the saved change token for %1; Stocktake will read it in full.")
                .arg(what),
            detail, ExitCode::Service};
    }
    if (status == 404) {
        return {QStringLiteral("graph.not_found"),
            tr("Microsoft Graph could not find %1 (404). Check that the Graph address of this profile is right, "
               "then sync again.")
                .arg(what),
            detail, ExitCode::Service};
    }
    if (status == 400) {
        return {QStringLiteral("graph.bad_request"),
            tr("Microsoft Graph rejected Stocktake's request for %1 (400 %2). This is a Stocktake fault; please "
               "report it with the log.")
                .arg(what, code),
            detail, ExitCode::Service};
    }
    if (status == 429 || status >= 500) {
        return retriesExhausted(status, what, detail);
    }
    return {QStringLiteral("graph.server_error"),
        tr("Microsoft Graph answered %1 with an unexpected status %2. Try the sync again later.").arg(what).arg(status),
        detail, ExitCode::Service};
}

Error GraphError::insecureUrl(const QString &what)
{
    return {QStringLiteral("graph.insecure_url"),
        tr("The Graph address %1 is not allowed: use https://, or http:// only for a loopback address "
           "(127.0.0.1, [::1], localhost).")
            .arg(what),
        QStringLiteral("rejected graph root"), ExitCode::Usage};
}

Error GraphError::foreignOrigin(const QString &what, const QString &origin)
{
    return {QStringLiteral("graph.foreign_origin"),
        tr("Microsoft Graph sent a link for %1 that points outside the Graph address of this profile; "
           "Stocktake did not follow it, so your sign-in was not sent elsewhere. Check the profile's Graph "
           "address and sync again.")
            .arg(what),
        QStringLiteral("refused link to origin %1").arg(origin), ExitCode::Service};
}

Error GraphError::unauthorized(const QString &what, const QString &detail)
{
    return {QStringLiteral("graph.unauthorized"),
        tr("Microsoft Graph did not accept your sign-in while reading %1, even after renewing it. Sign in again "
           "with `stocktake-cli login`.")
            .arg(what),
        detail, ExitCode::SignIn};
}

Error GraphError::retriesExhausted(int status, const QString &what, const QString &detail)
{
    if (status == 429 || status == 503 || status == 504) {
        return {QStringLiteral("graph.throttled"),
            tr("Microsoft Graph kept asking Stocktake to slow down while reading %1 (HTTP %2), past the retry "
               "budget. Nothing was lost; try the sync again in a few minutes.")
                .arg(what)
                .arg(status),
            detail, ExitCode::Service};
    }
    return {QStringLiteral("graph.server_error"),
        tr("Microsoft Graph kept failing while reading %1 (HTTP %2). Nothing was lost; try the sync again later.")
            .arg(what)
            .arg(status),
        detail, ExitCode::Service};
}

Error GraphError::timeout(const QString &what, qint64 ms)
{
    return {QStringLiteral("graph.timeout"),
        tr("Microsoft Graph stopped answering while Stocktake read %1. Check the network connection and sync "
           "again.")
            .arg(what),
        QStringLiteral("no progress or past deadline after %1 ms").arg(ms), ExitCode::Service};
}

Error GraphError::network(const QString &what, const QString &detail)
{
    return {QStringLiteral("graph.network"),
        tr("Stocktake could not reach Microsoft Graph to read %1. Check the network connection and sync again.")
            .arg(what),
        detail, ExitCode::Service};
}

Error GraphError::tls(const QString &what, const QString &detail)
{
    return {QStringLiteral("graph.tls"),
        tr("The secure connection to Microsoft Graph for %1 could not be verified, so Stocktake stopped. Check "
           "the system's certificates and any proxy that intercepts TLS.")
            .arg(what),
        detail, ExitCode::Service};
}

Error GraphError::bodyTooLarge(qint64 seen, qint64 cap)
{
    return {QStringLiteral("graph.body_too_large"),
        tr("Microsoft Graph sent a response larger than Stocktake accepts; it was dropped. Try the sync again; "
           "if it repeats, report it with the log."),
        QStringLiteral("body of %1 bytes passed the cap of %2").arg(seen).arg(cap), ExitCode::Service};
}

Error GraphError::malformedJson(JsonProblem problem, const QString &detail)
{
    QString kind;
    switch (problem) {
    case JsonProblem::Syntax:
        kind = QStringLiteral("syntax");
        break;
    case JsonProblem::TooDeep:
        kind = QStringLiteral("too deep");
        break;
    case JsonProblem::NotObject:
        kind = QStringLiteral("not an object");
        break;
    case JsonProblem::BadShape:
        kind = QStringLiteral("bad shape");
        break;
    }
    return {QStringLiteral("graph.malformed_json"),
        tr("Microsoft Graph sent a response Stocktake could not read (damaged or cut short). Nothing was "
           "stored from it; try the sync again."),
        QStringLiteral("%1: %2").arg(kind, detail), ExitCode::Service};
}

Error GraphError::cancelled()
{
    return {QStringLiteral("graph.cancelled"), tr("The sync was cancelled."), QStringLiteral("cancelled"),
        ExitCode::Failed};
}

}  // namespace stocktake::graph
