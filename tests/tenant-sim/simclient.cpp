// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "simclient.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace stocktake::testing {

const QString SimClient::kTenant = QStringLiteral("7f3c0e52-9a4d-4c1b-8e2f-3b6a5d9c1e04");
const QString SimClient::kClient = QStringLiteral("5d2a7c1e-0b4f-4e8a-9c3d-6f1b2a8e4d70");

namespace {
constexpr int kReplyTimeoutMs = 120000;
}

QJsonObject SimClient::Reply::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString SimClient::Reply::nextLink() const
{
    return json().value(QStringLiteral("@odata.nextLink")).toString();
}

SimClient::SimClient(const TenantSim &sim)
    : m_sim(sim)
{ }

QUrl SimClient::url(const QString &pathOrUrl) const
{
    if (pathOrUrl.startsWith(QLatin1StringView("http"))) {
        return QUrl(pathOrUrl);
    }
    return QUrl(m_sim.baseUrl().toString() + pathOrUrl);
}

SimClient::Reply SimClient::send(const QByteArray &method, const QString &pathOrUrl, const QByteArray &body,
    const QByteArray &contentType, bool withToken)
{
    QNetworkRequest request(url(pathOrUrl));
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (withToken && !m_token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_token);
    }
    if (!contentType.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    }
    QNetworkReply *reply = method == "POST" ? m_nam.post(request, body) : m_nam.get(request);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timeout.start(kReplyTimeoutMs);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        r.headers.insert(name.toLower(), value);
    }
    reply->deleteLater();
    return r;
}

SimClient::Reply SimClient::get(const QString &pathOrUrl, bool withToken)
{
    return send(QByteArrayLiteral("GET"), pathOrUrl, {}, {}, withToken);
}

SimClient::Reply SimClient::post(
    const QString &pathOrUrl, const QByteArray &body, const QByteArray &contentType, bool withToken)
{
    return send(QByteArrayLiteral("POST"), pathOrUrl, body, contentType, withToken);
}

SimClient::Reply SimClient::postJson(const QString &path, const QJsonObject &body, bool withToken)
{
    return post(
        path, QJsonDocument(body).toJson(QJsonDocument::Compact), QByteArrayLiteral("application/json"), withToken);
}

bool SimClient::signIn()
{
    const QString base = QStringLiteral("/%1/oauth2/v2.0/").arg(kTenant);
    const QByteArray client = "client_id=" + kClient.toLatin1();
    const Reply code = post(base + QStringLiteral("devicecode"), client + "&scope=User.Read.All",
        QByteArrayLiteral("application/x-www-form-urlencoded"), false);
    const QByteArray poll = client + "&grant_type=urn:ietf:params:oauth:grant-type:device_code&device_code="
        + code.json().value(QStringLiteral("device_code")).toString().toLatin1();
    // The first poll is pending; the second, with --auto-approve, gets the tokens.
    for (int attempt = 0; attempt < 2; ++attempt) {
        const Reply r
            = post(base + QStringLiteral("token"), poll, QByteArrayLiteral("application/x-www-form-urlencoded"), false);
        const QString token = r.json().value(QStringLiteral("access_token")).toString();
        if (!token.isEmpty()) {
            m_token = token.toLatin1();
            return true;
        }
    }
    return false;
}

SimClient::Walk SimClient::walk(const QString &pathOrUrl)
{
    Walk kept;
    Walk w = walk(pathOrUrl, [&kept](const QJsonObject &item) { kept.items.append(item); });
    w.items = kept.items;
    return w;
}

SimClient::Walk SimClient::walk(const QString &pathOrUrl, const std::function<void(const QJsonObject &)> &onItem)
{
    Walk w;
    QString next = pathOrUrl;
    while (!next.isEmpty()) {
        const Reply r = get(next);
        if (r.status != 200) {
            w.failedStatus = r.status;
            return w;
        }
        ++w.pages;
        w.last = r.json();
        for (const QJsonValue &v : w.last.value(QStringLiteral("value")).toArray()) {
            onItem(v.toObject());
        }
        next = r.nextLink();
    }
    return w;
}

QJsonObject SimClient::truth() const
{
    QFile file(m_sim.truthPath());
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QJsonDocument::fromJson(file.readAll()).object();
}

QList<QJsonObject> SimClient::requestLog() const
{
    QFile file(m_sim.requestLogPath());
    QList<QJsonObject> lines;
    if (file.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : file.readAll().split('\n')) {
            if (!line.isEmpty()) {
                lines.append(QJsonDocument::fromJson(line).object());
            }
        }
    }
    return lines;
}

QStringList SimClient::violations()
{
    QStringList out;
    for (const QJsonValue &v :
        get(QStringLiteral("/_sim/violations"), false).json().value(QStringLiteral("violations")).toArray()) {
        out.append(v.toString());
    }
    return out;
}

QStringList simArguments(int users, const QStringList &more)
{
    QStringList args {QStringLiteral("--auto-approve"), QStringLiteral("--interval"), QStringLiteral("0"),
        QStringLiteral("--users"), QString::number(users), QStringLiteral("--seed"), QStringLiteral("7"),
        QStringLiteral("--now"), QStringLiteral("2026-11-20T15:30:00Z")};
    return args + more;
}

qint64 peakRssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:")) {
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
        }
    }
    return -1;
}

}  // namespace stocktake::testing
