// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "mailbox.h"

#include "pdf.h"
#include "simhash.h"
#include "tenant.h"

#include <QJsonArray>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>
#include <array>

namespace stocktake::tenantsim {

namespace {

QString iso(const QDateTime &utc)
{
    return SimHash::isoUtc(utc.toSecsSinceEpoch());
}

/// A 1×1 transparent GIF: the inline logo of an internal mail.
const QByteArray &pixelGif()
{
    static const QByteArray kGif
        = QByteArray::fromHex("47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b");
    return kGif;
}

QByteArray textPdf(const QString &title, const QStringList &lines, const QDateTime &created)
{
    PdfWriter pdf;
    pdf.newPage();
    pdf.text(50, 780, 16, true, title);
    double y = 740;
    for (const QString &line : lines) {
        pdf.text(50, y, 11, false, line);
        y -= 18;
    }
    return pdf.finish(title, created);
}

struct Noise {
    int daysAgo;
    const char *fromName;
    const char *fromAddress;
    const char *subject;
    const char *body;
    int attachment;  ///< 0 none, 1 inline GIF, 2 terms PDF, 3 phishing PDF, 4 OneDrive link
};

// Mail that is not an invoice, though some of it looks like one.
constexpr std::array<Noise, 12> kNoise {{
    {2, "Slack", "feedback@slack.com", "What's new in Slack this month", "Huddles, lists and more.", 0},
    {5, "Figma", "announcements@figma.com", "Config 2027 is coming", "Join us in San Francisco.", 0},
    {1, "Mette Østergård", "mette.ostergaard.17@contoso.example", "Frokost fredag 🍕",
        "Vi mødes i kantinen kl. 12. Se logoet!", 1},
    {9, "Microsoft 365 Billing", "microsoft-noreply@microsoft.com", "Your Microsoft invoice is ready",
        "Your invoice G012345678 is available in the Microsoft 365 admin center. No attachment.", 0},
    {3, "Micros0ft Billing Team", "billing@micros0ft-support.example", "URGENT: Invoice overdue – pay today",
        "Your invoice is overdue. Open the attached invoice and pay within 24 hours.", 3},
    {40, "Dropbox", "no-reply@dropbox.com", "Updated Terms of Service", "We are updating our terms.", 2},
    {12, "Zoom", "news@zoom.us", "Zoom Workplace: new AI Companion features", "See what's new.", 0},
    {20, "Jonas Weiß", "jonas.weiss.42@contoso.example", "Budget 2027 (udkast)", "Se regnearket på OneDrive.", 4},
    {6, "Anna Smith", "anna.smith.77@fabrikam.example", "Automatic reply: Invoice question",
        "I am out of office until Monday.", 0},
    {15, "Atlassian", "noreply@am.atlassian.com", "Your trial of Jira Premium ends soon",
        "Upgrade now to keep Premium features.", 0},
    {25, "Adobe", "message@adobe.com", "Your payment method expires soon",
        "Update your card to avoid interruption of your subscription.", 0},
    {60, "GitHub", "noreply@github.com", "[GitHub] A new SSH key was added", "If this was not you, act now.", 0},
}};

}  // namespace

bool MailMessage::hasAttachments() const
{
    return std::any_of(attachments.begin(), attachments.end(), [](const MailAttachment &a) { return !a.isInline; });
}

Mailbox::Mailbox(const Tenant &tenant)
    : m_tenant(tenant)
    , m_book(tenant.seed(), tenant.now().date())
{
    const QDateTime now = tenant.now();
    const auto &invoices = m_book.invoices();
    const auto &vendors = InvoiceBook::vendors();
    // Atlassian's most recent invoice arrives twice: the second mail is a reminder.
    qsizetype duplicateOf = -1;
    for (qsizetype i = 0; i < invoices.size(); ++i) {
        if (invoices.at(i).vendor == 2 && !invoices.at(i).creditNote && invoices.at(i).date.addDays(7) <= now.date()) {
            duplicateOf = i;
        }
    }
    for (qsizetype i = 0; i < invoices.size(); ++i) {
        const Invoice &inv = invoices.at(i);
        const BillingVendor &v = vendors.at(inv.vendor);
        const quint64 h = SimHash::of(tenant.seed(), {kMessage, static_cast<quint64>(i)});
        MailMessage m;
        m.received = std::min(
            QDateTime(inv.date, QTime(6, static_cast<int>(SimHash::below(h, 60))), QTimeZone::utc()), now.addSecs(-60));
        m.fromName = QString::fromUtf8(v.senderName);
        m.fromAddress = QString::fromLatin1(v.senderAddress);
        m.subject = m_book.subject(inv);
        m.body = m_book.bodyText(inv);
        m.invoice = static_cast<int>(i);
        m.isRead = !SimHash::chance(h >> 8, 200);
        MailAttachment a;
        a.name = m_book.fileName(inv);
        a.contentType = QStringLiteral("application/pdf");
        a.invoice = static_cast<int>(i);
        m.attachments.append(a);
        add(m);
        if (i == duplicateOf) {
            MailMessage reminder = m;
            reminder.received = std::min(m.received.addDays(7), now.addSecs(-30));
            reminder.subject = QStringLiteral("Reminder: ") + m.subject;
            reminder.duplicate = true;
            add(reminder);
        }
    }
    for (const Noise &n : kNoise) {
        MailMessage m;
        m.received = now.addDays(-n.daysAgo).addSecs(-3600 - static_cast<qint64>(n.daysAgo) * 17);
        m.fromName = QString::fromUtf8(n.fromName);
        m.fromAddress = QString::fromLatin1(n.fromAddress);
        m.subject = QString::fromUtf8(n.subject);
        m.body = QString::fromUtf8(n.body);
        MailAttachment a;
        switch (n.attachment) {
        case 1:
            a.name = QStringLiteral("logo.gif");
            a.contentType = QStringLiteral("image/gif");
            a.isInline = true;
            a.contentId = QStringLiteral("logo@contoso.example");
            a.bytes = pixelGif();
            m.attachments.append(a);
            break;
        case 2:
            a.name = QStringLiteral("Dropbox-Terms-of-Service-2027.pdf");
            a.contentType = QStringLiteral("application/pdf");
            a.bytes = textPdf(QStringLiteral("Dropbox Terms of Service"),
                {QStringLiteral("Effective January 1, 2027."),
                    QStringLiteral("These terms govern your use of Dropbox.")},
                m.received);
            m.attachments.append(a);
            break;
        case 3:
            a.name = QStringLiteral("Invoice_overdue.pdf");
            a.contentType = QStringLiteral("application/octet-stream");
            a.bytes = textPdf(QStringLiteral("Final notice"),
                {QStringLiteral("Your Microsoft subscription will be cancelled."),
                    QStringLiteral("Pay $1,999.00 to IBAN XX00 0000 0000 0000 today.")},
                m.received);
            m.attachments.append(a);
            break;
        case 4:
            a.type = MailAttachment::Type::Reference;
            a.name = QStringLiteral("Budget 2027.xlsx");
            a.contentType = QStringLiteral("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            m.attachments.append(a);
            break;
        default:
            break;
        }
        add(m);
    }
    std::stable_sort(m_messages.begin(), m_messages.end(),
        [](const MailMessage &a, const MailMessage &b) { return a.received > b.received; });
}

void Mailbox::add(MailMessage message)
{
    const auto n = static_cast<quint64>(m_messages.size());
    const bool noAdmin = m_tenant.users().isEmpty();
    message.toAddress
        = noAdmin ? QStringLiteral("it-admin@contoso.example") : m_tenant.mail(m_tenant.users().at(m_tenant.admin()));
    message.toName = noAdmin ? QStringLiteral("IT") : m_tenant.displayName(m_tenant.users().at(m_tenant.admin()));
    message.id = QStringLiteral("AAMkAGI2TG93AAA") + SimHash::opaque(m_tenant.seed(), kMessage, n, 48);
    for (qsizetype k = 0; k < message.attachments.size(); ++k) {
        message.attachments[k].id = QStringLiteral("AAMkAGI2TG93AAABEgAQA")
            + SimHash::opaque(m_tenant.seed(), kAttachment, (n << 8) | static_cast<quint64>(k), 30);
    }
    m_messages.append(std::move(message));
}

std::optional<int> Mailbox::messageById(const QString &id) const
{
    for (qsizetype i = 0; i < m_messages.size(); ++i) {
        if (m_messages.at(i).id == id) {
            return static_cast<int>(i);
        }
    }
    return std::nullopt;
}

QJsonObject Mailbox::messageJson(const MailMessage &m) const
{
    const auto address = [](const QString &name, const QString &mail) {
        return QJsonObject {{QStringLiteral("emailAddress"),
            QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("address"), mail}}}};
    };
    const QString html = QStringLiteral("<html><body><p>")
        + m.body.toHtmlEscaped().replace(u'\n', QStringLiteral("<br>")) + QStringLiteral("</p></body></html>");
    const QString conversation = QStringLiteral("AAQkAGI2") + m.id.right(24);
    return QJsonObject {
        {QStringLiteral("@odata.etag"), QString(QStringLiteral("W/\"CQAAABYAAAD") + m.id.right(8) + u'"')},
        {QStringLiteral("id"), m.id}, {QStringLiteral("createdDateTime"), iso(m.received)},
        {QStringLiteral("lastModifiedDateTime"), iso(m.received.addSecs(2))},
        {QStringLiteral("changeKey"), QString(QStringLiteral("CQAAABYAAAD") + m.id.right(8))},
        {QStringLiteral("categories"), QJsonArray {}}, {QStringLiteral("receivedDateTime"), iso(m.received)},
        {QStringLiteral("sentDateTime"), iso(m.received.addSecs(-3))},
        {QStringLiteral("hasAttachments"), m.hasAttachments()},
        {QStringLiteral("internetMessageId"),
            QStringLiteral("<%1@%2>").arg(m.id.right(16), m.fromAddress.section(u'@', 1))},
        {QStringLiteral("subject"), m.subject}, {QStringLiteral("bodyPreview"), m.body.left(255).simplified()},
        {QStringLiteral("importance"),
            m.subject.startsWith(QLatin1StringView("URGENT")) ? QStringLiteral("high") : QStringLiteral("normal")},
        {QStringLiteral("parentFolderId"),
            QStringLiteral("AAMkAGI2TG93AAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e-T7KzowPTAAAAAAEMAAA=")},
        {QStringLiteral("conversationId"), conversation},
        {QStringLiteral("conversationIndex"), QString(QStringLiteral("AQHZ") + m.id.right(12))},
        {QStringLiteral("isDeliveryReceiptRequested"), false}, {QStringLiteral("isReadReceiptRequested"), false},
        {QStringLiteral("isRead"), m.isRead}, {QStringLiteral("isDraft"), false},
        {QStringLiteral("webLink"),
            QStringLiteral("https://outlook.office365.com/owa/?ItemID=%1&exvsurl=1&viewmodel=ReadMessageItem")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(m.id)))},
        {QStringLiteral("inferenceClassification"),
            m.invoice >= 0 ? QStringLiteral("focused") : QStringLiteral("other")},
        {QStringLiteral("body"),
            QJsonObject {{QStringLiteral("contentType"), QStringLiteral("html")}, {QStringLiteral("content"), html}}},
        {QStringLiteral("uniqueBody"),
            QJsonObject {{QStringLiteral("contentType"), QStringLiteral("html")}, {QStringLiteral("content"), html}}},
        {QStringLiteral("sender"), address(m.fromName, m.fromAddress)},
        {QStringLiteral("from"), address(m.fromName, m.fromAddress)},
        {QStringLiteral("toRecipients"), QJsonArray {address(m.toName, m.toAddress)}},
        {QStringLiteral("ccRecipients"), QJsonArray {}}, {QStringLiteral("bccRecipients"), QJsonArray {}},
        {QStringLiteral("replyTo"), QJsonArray {}},
        {QStringLiteral("flag"), QJsonObject {{QStringLiteral("flagStatus"), QStringLiteral("notFlagged")}}}};
}

QByteArray Mailbox::attachmentBytes(const MailAttachment &a) const
{
    return a.invoice >= 0 ? m_book.pdfOf(a.invoice) : a.bytes;
}

QJsonObject Mailbox::attachmentJson(const MailAttachment &a, const MailMessage &m) const
{
    QJsonObject o {{QStringLiteral("id"), a.id}, {QStringLiteral("lastModifiedDateTime"), iso(m.received)},
        {QStringLiteral("name"), a.name}, {QStringLiteral("contentType"), a.contentType},
        {QStringLiteral("isInline"), a.isInline}};
    if (a.type == MailAttachment::Type::Reference) {
        o.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.referenceAttachment"));
        o.insert(QStringLiteral("size"), 512);
        return o;
    }
    o.insert(QStringLiteral("@odata.type"), QStringLiteral("#microsoft.graph.fileAttachment"));
    const QByteArray bytes = attachmentBytes(a);
    o.insert(QStringLiteral("size"), static_cast<int>(bytes.size()));
    o.insert(
        QStringLiteral("contentId"), a.contentId.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(a.contentId));
    o.insert(QStringLiteral("contentLocation"), QJsonValue::Null);
    o.insert(QStringLiteral("contentBytes"), QString::fromLatin1(bytes.toBase64()));
    return o;
}

QByteArray Mailbox::mime(const MailMessage &m) const
{
    return "From: " + m.fromName.toUtf8() + " <" + m.fromAddress.toUtf8() + ">\r\nSubject: " + m.subject.toUtf8()
        + "\r\nDate: " + m.received.toString(Qt::RFC2822Date).toUtf8()
        + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + m.body.toUtf8() + "\r\n";
}

std::optional<Mailbox::Search> Mailbox::Search::parse(const QString &query)
{
    QString text = query.trimmed();
    // Graph wants the whole expression in double quotes: $search="from:slack subject:invoice".
    if (text.size() >= 2 && text.startsWith(u'"') && text.endsWith(u'"')) {
        text = text.mid(1, text.size() - 2);
    }
    text.replace(u'(', u' ').replace(u')', u' ');
    QStringList tokens;
    QString current;
    bool quoted = false;
    for (const QChar c : std::as_const(text)) {
        if (c == u'"' || c == u'\'') {
            quoted = !quoted;
            continue;
        }
        if (c.isSpace() && !quoted) {
            if (!current.isEmpty()) {
                tokens.append(current);
            }
            current.clear();
            continue;
        }
        current += c;
    }
    if (quoted) {
        return std::nullopt;
    }
    if (!current.isEmpty()) {
        tokens.append(current);
    }
    Search s;
    s.m_any.append(QVector<Term>());
    bool negate = false;
    for (const QString &t : std::as_const(tokens)) {
        if (t == QLatin1StringView("OR")) {
            if (s.m_any.last().isEmpty()) {
                return std::nullopt;
            }
            s.m_any.append(QVector<Term>());
            continue;
        }
        if (t == QLatin1StringView("AND")) {
            continue;
        }
        if (t == QLatin1StringView("NOT")) {
            negate = true;
            continue;
        }
        Term term;
        term.negated = negate;
        negate = false;
        QString word = t;
        if (word.startsWith(u'-') && word.size() > 1) {
            term.negated = true;
            word = word.mid(1);
        }
        static const QStringList kOps {QStringLiteral(">="), QStringLiteral("<="), QStringLiteral(">"),
            QStringLiteral("<"), QStringLiteral(":"), QStringLiteral("=")};
        for (const QString &op : kOps) {
            const qsizetype at = word.indexOf(op);
            if (at > 0) {
                term.property = word.left(at).toLower();
                term.op = op == QLatin1StringView("=") ? QStringLiteral(":") : op;
                term.value = word.mid(at + op.size());
                break;
            }
        }
        if (term.property.isEmpty()) {
            term.value = word;
        }
        s.m_any.last().append(term);
    }
    if (s.m_any.last().isEmpty()) {
        return std::nullopt;
    }
    return s;
}

bool Mailbox::Search::matches(const MailMessage &m) const
{
    const auto has = [](const QString &haystack, const QString &needle) {
        return haystack.contains(needle, Qt::CaseInsensitive);
    };
    const auto termMatches = [&](const Term &t) {
        const QString &v = t.value;
        const QString &p = t.property;
        if (p == QLatin1StringView("from")) {
            return has(m.fromName, v) || has(m.fromAddress, v);
        }
        if (p == QLatin1StringView("to") || p == QLatin1StringView("recipients")) {
            return has(m.toName, v) || has(m.toAddress, v);
        }
        if (p == QLatin1StringView("participants")) {
            return has(m.fromName, v) || has(m.fromAddress, v) || has(m.toName, v) || has(m.toAddress, v);
        }
        if (p == QLatin1StringView("subject")) {
            return has(m.subject, v);
        }
        if (p == QLatin1StringView("body")) {
            return has(m.body, v);
        }
        if (p == QLatin1StringView("attachment") || p == QLatin1StringView("attachmentnames")) {
            return std::any_of(
                m.attachments.begin(), m.attachments.end(), [&](const MailAttachment &a) { return has(a.name, v); });
        }
        if (p == QLatin1StringView("hasattachments") || p == QLatin1StringView("hasattachment")) {
            return m.hasAttachments() == (v.compare(QLatin1StringView("true"), Qt::CaseInsensitive) == 0);
        }
        if (p == QLatin1StringView("kind")) {
            return v.compare(QLatin1StringView("email"), Qt::CaseInsensitive) == 0;
        }
        if (p == QLatin1StringView("received") || p == QLatin1StringView("sent")) {
            QDate day = QDate::fromString(v, Qt::ISODate);
            if (!day.isValid()) {
                day = QDate::fromString(v, QStringLiteral("M/d/yyyy"));
            }
            const QDate when = (p == QLatin1StringView("sent") ? m.received.addSecs(-3) : m.received).date();
            if (!day.isValid()) {
                return false;
            }
            if (t.op == QLatin1StringView(">=")) {
                return when >= day;
            }
            if (t.op == QLatin1StringView("<=")) {
                return when <= day;
            }
            if (t.op == QLatin1StringView(">")) {
                return when > day;
            }
            if (t.op == QLatin1StringView("<")) {
                return when < day;
            }
            return when == day;
        }
        // A free term, or a property KQL does not know (then the whole text is the term).
        const QString needle = p.isEmpty() ? v : p + t.op + v;
        return has(m.fromName, needle) || has(m.fromAddress, needle) || has(m.subject, needle) || has(m.body, needle);
    };
    return std::any_of(m_any.begin(), m_any.end(), [&](const QVector<Term> &group) {
        return std::all_of(group.begin(), group.end(), [&](const Term &t) { return termMatches(t) != t.negated; });
    });
}

}  // namespace stocktake::tenantsim
