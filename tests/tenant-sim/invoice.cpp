// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "invoice.h"

#include "pdf.h"
#include "simhash.h"

#include <QTimeZone>

#include <array>

namespace stocktake::tenantsim {

namespace {

struct Labels {
    const char *invoice;
    const char *creditNote;
    const char *receipt;
    const char *number;
    const char *creditNumber;
    const char *receiptNumber;
    const char *date;
    const char *period;
    const char *seats;
    const char *unitPrice;
    const char *amount;
    const char *subtotal;
    const char *tax;
    const char *noTax;
    const char *total;
    const char *amountDue;
    const char *amountPaid;
    const char *billTo;
    const char *original;
    const char *description;
    const char *thanks;
};

constexpr Labels kEnglish {"INVOICE", "CREDIT NOTE", "Receipt", "Invoice number", "Credit note number",
    "Receipt number", "Invoice date", "Billing period", "Seats", "Unit price", "Amount", "Subtotal", "Tax",
    "VAT reverse charge", "Total", "Amount due", "Amount paid", "Bill to", "Original invoice", "Description",
    "Thank you for your business."};
constexpr Labels kDanish {"FAKTURA", "KREDITNOTA", "Kvittering", "Fakturanummer", "Kreditnotanummer",
    "Kvitteringsnummer", "Fakturadato", "Periode", "Licenser", "Stykpris", "Beløb", "Subtotal", "Moms 25%", "Moms",
    "I alt", "Beløb at betale", "Betalt beløb", "Faktureres til", "Original faktura", "Beskrivelse",
    "Tak for samarbejdet."};
constexpr Labels kGerman {"RECHNUNG", "GUTSCHRIFT", "Beleg", "Rechnungsnummer", "Gutschriftsnummer", "Belegnummer",
    "Rechnungsdatum", "Leistungszeitraum", "Lizenzen", "Einzelpreis", "Betrag", "Zwischensumme", "MwSt. 19 %",
    "Steuerschuldnerschaft des Leistungsempfängers", "Gesamtbetrag", "Zahlbetrag", "Bezahlter Betrag",
    "Rechnungsempfänger", "Ursprüngliche Rechnung", "Beschreibung", "Vielen Dank für Ihren Auftrag."};

constexpr std::array<const char *, 12> kMonthsEn {"January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"};
constexpr std::array<const char *, 12> kMonthsDe {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
    "September", "Oktober", "November", "Dezember"};
constexpr std::array<const char *, 12> kMonthsDa {"januar", "februar", "marts", "april", "maj", "juni", "juli",
    "august", "september", "oktober", "november", "december"};

// Products as the vendors name them on the PDF, index-aligned with vendors().
constexpr std::array<const char *, 11> kProducts {"Slack Business+", "Zoom Workplace Pro", "Jira & Confluence Standard",
    "Miro Business", "Notion Plus", "Dropbox Business Standard", "DocuSign Business Pro", "Adobe Creative Cloud Pro",
    "GitHub Enterprise", "Salesforce Sales Cloud Enterprise", "Konsulentbistand (IT-rådgivning)"};

const Labels &labels(const BillingVendor &v)
{
    const QLatin1StringView language(v.language);
    if (language == QLatin1StringView("da")) {
        return kDanish;
    }
    if (language == QLatin1StringView("de")) {
        return kGerman;
    }
    return kEnglish;
}

QString tr(const char *text)
{
    return QString::fromUtf8(text);
}

QString groupDigits(qint64 whole, QChar separator)
{
    QString digits = QString::number(whole);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3) {
        digits.insert(i, separator);
    }
    return digits;
}

}  // namespace

const QVector<BillingVendor> &InvoiceBook::vendors()
{
    static const QVector<BillingVendor> kVendors {
        {"slack", "Slack", "Slack", "feedback@slack.com", "USD", "en", 0, 1, 875, 40, 3, 0, "SL-"},
        {"zoom", "Zoom", "Zoom Billing", "billing@zoom.us", "USD", "en", 2, 1, 1332, 25, 7, 0, "INV"},
        // Atlassian bills from a subdomain of its catalog domain.
        {"atlassian", "Atlassian", "Atlassian", "noreply@am.atlassian.com", "USD", "en", 1, 1, 775, 60, 12, 0, "AT-"},
        {"miro", "Miro", "Miro Billing", "billing@miro.com", "EUR", "de", 1, 1, 1000, 30, 15, 190, "MIRO-"},
        {"notion", "Notion", "Notion", "invoice@notion.so", "USD", "en", 2, 1, 1000, 20, 20, 0, "NO-"},
        {"dropbox", "Dropbox", "Dropbox", "no-reply@dropbox.com", "DKK", "da", 2, 1, 11250, 15, 22, 250, "DBX-"},
        {"docusign", "DocuSign", "DocuSign Billing", "dse@docusign.net", "USD", "en", 0, 3, 4000, 10, 1, 0, "DS-"},
        {"adobe", "Adobe", "Adobe", "message@adobe.com", "EUR", "de", 0, 12, 71988, 8, 9, 190, "DE"},
        {"github", "GitHub", "GitHub", "billing@github.com", "USD", "en", 1, 12, 25200, 45, 18, 0, "GH-"},
        {"salesforce", "Salesforce", "Salesforce Billing", "billing@salesforce.com", "DKK", "da", 0, 12, 180000, 12, 25,
            250, "SF-"},
        // Not in the catalog: a local consultancy's one-off invoice.
        {nullptr, "Acme Konsulent ApS", "Acme Konsulent ApS", "faktura@acme-konsulent.example", "DKK", "da", 1, 0,
            1250000, 1, 14, 250, "AK-"},
    };
    return kVendors;
}

InvoiceBook::InvoiceBook(quint64 seed, const QDate &today)
    : m_seed(seed)
{
    const auto &all = vendors();
    for (int v = 0; v < all.size(); ++v) {
        const BillingVendor &vendor = all.at(v);
        const quint64 vh = SimHash::of(seed, {kInvoice, static_cast<quint64>(v)});
        int sequence = 1000 + static_cast<int>(SimHash::below(vh, 5000));
        for (int monthsAgo = 13; monthsAgo >= 0; --monthsAgo) {
            const int cycle = vendor.cycleMonths;
            const bool due = cycle == 0
                ? monthsAgo == 2
                : (cycle == 1 || (cycle == 3 && monthsAgo % 3 == 0) || (cycle == 12 && monthsAgo % 12 == 1));
            if (!due) {
                continue;
            }
            const QDate month = today.addMonths(-monthsAgo);
            const QDate date(month.year(), month.month(), std::min(vendor.dayOfMonth, month.daysInMonth()));
            if (date > today || date < today.addDays(-400)) {
                continue;
            }
            Invoice inv;
            inv.vendor = v;
            inv.date = date;
            inv.periodStart = date;
            inv.periodEnd = date.addMonths(std::max(1, cycle)).addDays(-1);
            inv.seats = vendor.baseSeats + (cycle == 0 ? 0 : (13 - monthsAgo) / 3)
                + static_cast<int>(SimHash::below(SimHash::mix(vh + static_cast<quint64>(monthsAgo)), 2));
            inv.unitPrice = vendor.unitPrice;
            inv.net = inv.seats * vendor.unitPrice;
            inv.tax = (inv.net * vendor.taxPermille + 500) / 1000;
            inv.total = inv.net + inv.tax;
            inv.number = QLatin1StringView(vendor.numberPrefix) == QLatin1StringView("INV")
                ? QStringLiteral("INV%1").arg(180000000 + sequence * 37)
                : QStringLiteral("%1%2-%3")
                      .arg(QString::fromLatin1(vendor.numberPrefix))
                      .arg(date.year())
                      .arg(sequence);
            ++sequence;
            m_invoices.append(inv);

            // Credit notes: Slack refunds three seats four months ago, Dropbox two seats.
            const bool credit = (v == 0 && monthsAgo == 4) || (v == 5 && monthsAgo == 2);
            if (credit && date.addDays(5) <= today) {
                Invoice cn = inv;
                cn.creditNote = true;
                cn.creditFor = inv.number;
                cn.number = QStringLiteral("CN-") + inv.number;
                cn.date = date.addDays(5);
                cn.seats = v == 0 ? 3 : 2;
                cn.net = -cn.seats * vendor.unitPrice;
                cn.tax = -((cn.seats * vendor.unitPrice * vendor.taxPermille + 500) / 1000);
                cn.total = cn.net + cn.tax;
                m_invoices.append(cn);
            }
        }
    }
    std::stable_sort(
        m_invoices.begin(), m_invoices.end(), [](const Invoice &a, const Invoice &b) { return a.date < b.date; });
}

QString InvoiceBook::decimal(qint64 minor)
{
    const qint64 magnitude = minor < 0 ? -minor : minor;
    return QStringLiteral("%1%2.%3")
        .arg(minor < 0 ? QStringLiteral("-") : QString())
        .arg(magnitude / 100)
        .arg(magnitude % 100, 2, 10, QLatin1Char('0'));
}

QString InvoiceBook::money(qint64 minor, const BillingVendor &vendor, int style)
{
    const bool english = QLatin1StringView(vendor.language) == QLatin1StringView("en");
    const qint64 magnitude = minor < 0 ? -minor : minor;
    const QString sign = minor < 0 ? QStringLiteral("-") : QString();
    const QString number = groupDigits(magnitude / 100, english ? u',' : u'.') + (english ? u'.' : u',')
        + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    const QLatin1StringView currency(vendor.currency);
    QString out;
    if (currency == QLatin1StringView("USD")) {
        if (style == 1) {
            out = sign + QStringLiteral("USD ") + number;
        } else {
            out = sign + u'$' + number;
            if (style == 2) {
                out += QStringLiteral(" USD");
            }
        }
    } else if (currency == QLatin1StringView("EUR")) {
        if (english) {
            out = sign + QStringLiteral("€") + number;
        } else if (style == 2) {
            out = QStringLiteral("EUR ") + sign + number;
        } else {
            out = sign + number + QStringLiteral(" €");
        }
    } else if (style == 0) {
        out = QStringLiteral("kr. ") + sign + number;
    } else if (style == 1) {
        out = QStringLiteral("DKK ") + sign + number;
    } else {
        out = sign + number + QStringLiteral(" kr.");
    }
    return out;
}

QString InvoiceBook::date(const QDate &d, const BillingVendor &vendor, int style)
{
    const QLatin1StringView language(vendor.language);
    const auto month = static_cast<std::size_t>(d.month() - 1);
    if (language == QLatin1StringView("de")) {
        return style == 2 ? QStringLiteral("%1. %2 %3").arg(d.day()).arg(tr(kMonthsDe.at(month))).arg(d.year())
                          : d.toString(QStringLiteral("dd.MM.yyyy"));
    }
    if (language == QLatin1StringView("da")) {
        if (style == 0) {
            return QStringLiteral("%1. %2 %3").arg(d.day()).arg(tr(kMonthsDa.at(month))).arg(d.year());
        }
        return d.toString(style == 1 ? QStringLiteral("dd-MM-yyyy") : QStringLiteral("dd.MM.yyyy"));
    }
    if (style == 1) {
        return d.toString(Qt::ISODate);
    }
    const QString name = tr(kMonthsEn.at(month));
    return QStringLiteral("%1 %2, %3").arg(style == 2 ? name.left(3) : name).arg(d.day()).arg(d.year());
}

QString InvoiceBook::fileName(const Invoice &invoice) const
{
    const BillingVendor &v = vendors().at(invoice.vendor);
    const Labels &l = labels(v);
    QString kind = tr(invoice.creditNote ? l.creditNote : (v.layout == 2 ? l.receipt : l.invoice));
    kind = kind.left(1).toUpper() + kind.mid(1).toLower();
    return QStringLiteral("%1-%2.pdf").arg(kind, invoice.number);
}

QString InvoiceBook::subject(const Invoice &invoice) const
{
    const BillingVendor &v = vendors().at(invoice.vendor);
    const QString vendor = QString::fromUtf8(v.name);
    const QLatin1StringView language(v.language);
    if (invoice.creditNote) {
        if (language == QLatin1StringView("da")) {
            return QStringLiteral("Kreditnota %1 fra %2").arg(invoice.number, vendor);
        }
        return QStringLiteral("Credit note %1 from %2").arg(invoice.number, vendor);
    }
    if (language == QLatin1StringView("da")) {
        return v.layout == 2 ? QStringLiteral("Din kvittering fra %1 [#%2]").arg(vendor, invoice.number)
                             : QStringLiteral("Faktura %1 fra %2").arg(invoice.number, vendor);
    }
    if (language == QLatin1StringView("de")) {
        return QStringLiteral("Ihre Rechnung %1 von %2").arg(invoice.number, vendor);
    }
    return v.layout == 2 ? QStringLiteral("Your receipt from %1 #%2").arg(vendor, invoice.number)
                         : QStringLiteral("Your %1 invoice %2 is available").arg(vendor, invoice.number);
}

QString InvoiceBook::bodyText(const Invoice &invoice) const
{
    const BillingVendor &v = vendors().at(invoice.vendor);
    return QStringLiteral("Hello Contoso Nordic ApS,\n\n%1 %2: %3.\n%4\n\n%5")
        .arg(tr(labels(v).invoice), invoice.number, money(invoice.total, v, v.layout), tr(labels(v).thanks),
            QString::fromUtf8(v.senderName));
}

QByteArray InvoiceBook::pdf(const Invoice &invoice) const
{
    const BillingVendor &v = vendors().at(invoice.vendor);
    const Labels &l = labels(v);
    const int style = v.layout;
    const auto m = [&v, style](qint64 minor) {
        return money(minor, v, style);
    };
    const auto d = [&v, style](const QDate &day) {
        return date(day, v, style);
    };
    const QString vendorName = QString::fromUtf8(v.name);
    const QString product = QString::fromUtf8(kProducts.at(static_cast<std::size_t>(invoice.vendor)));
    const QString numberLabel = tr(invoice.creditNote ? l.creditNumber : (style == 2 ? l.receiptNumber : l.number));
    const QString title = tr(invoice.creditNote ? l.creditNote : (style == 2 ? l.receipt : l.invoice));
    const QString taxText = invoice.tax == 0 ? tr(l.noTax) : tr(l.tax);
    const QString period = d(invoice.periodStart) + QStringLiteral(" – ") + d(invoice.periodEnd);
    const QString billTo = QStringLiteral("Contoso Nordic ApS, Ærøvej 1, 2100 København Ø, DK-12345678");
    PdfWriter pdf;
    pdf.newPage();
    switch (style) {
    case 0: {
        // Labelled fields: "Label: value" in one string per line.
        pdf.text(50, 780, 20, true, vendorName);
        pdf.text(50, 764, 9, false, QString::fromLatin1(v.senderAddress));
        pdf.text(400, 780, 16, true, title);
        double y = 700;
        const auto field = [&pdf, &y](const QString &label, const QString &value, bool bold = false) {
            pdf.text(50, y, 11, bold, label + QStringLiteral(": ") + value);
            y -= 18;
        };
        field(numberLabel, invoice.number);
        field(tr(l.date), d(invoice.date));
        if (invoice.creditNote) {
            field(tr(l.original), invoice.creditFor);
        }
        field(tr(l.period), period);
        field(tr(l.billTo), billTo);
        pdf.line(50, y, 545, y);
        y -= 24;
        field(tr(l.description),
            QStringLiteral("%1 – %2 × %3").arg(product).arg(invoice.seats).arg(m(invoice.unitPrice)));
        field(tr(l.subtotal), m(invoice.net));
        field(taxText, m(invoice.tax));
        field(tr(l.total), m(invoice.total), true);
        if (!invoice.creditNote) {
            field(tr(l.amountDue), m(invoice.total));
        }
        break;
    }
    case 1: {
        // A table: labels and values are separate strings in columns.
        pdf.box(40, 760, 515, 40, 0.9);
        pdf.text(50, 775, 18, true, vendorName + QStringLiteral(" · ") + title);
        const std::array<std::pair<QString, QString>, 3> header {
            {{numberLabel, invoice.number}, {tr(l.date), d(invoice.date)}, {tr(l.period), period}}};
        double y = 720;
        for (const auto &[label, value] : header) {
            pdf.text(50, y, 10, true, label);
            pdf.text(200, y, 10, false, value);
            y -= 16;
        }
        if (invoice.creditNote) {
            pdf.text(50, y, 10, true, tr(l.original));
            pdf.text(200, y, 10, false, invoice.creditFor);
            y -= 16;
        }
        pdf.text(50, y - 8, 9, false, tr(l.billTo) + QStringLiteral(": ") + billTo);
        y -= 48;
        pdf.text(50, y, 10, true, tr(l.description));
        pdf.text(320, y, 10, true, tr(l.seats));
        pdf.text(380, y, 10, true, tr(l.unitPrice));
        pdf.text(470, y, 10, true, tr(l.amount));
        pdf.line(50, y - 4, 545, y - 4);
        y -= 20;
        pdf.text(50, y, 10, false, product);
        pdf.text(320, y, 10, false, QString::number(invoice.seats));
        pdf.text(380, y, 10, false, m(invoice.unitPrice));
        pdf.text(470, y, 10, false, m(invoice.net));
        y -= 40;
        const std::array<std::pair<QString, QString>, 3> totals {
            {{tr(l.subtotal), m(invoice.net)}, {taxText, m(invoice.tax)}, {tr(l.total), m(invoice.total)}}};
        for (const auto &[label, value] : totals) {
            pdf.text(340, y, 10, label == tr(l.total), label);
            pdf.text(470, y, 10, label == tr(l.total), value);
            y -= 16;
        }
        break;
    }
    default: {
        // A card-payment receipt: the paid amount first, big.
        pdf.text(50, 780, 18, true, tr(l.receipt) + QStringLiteral(" – ") + vendorName);
        pdf.text(50, 750, 11, false, numberLabel + QStringLiteral(" #") + invoice.number);
        pdf.box(50, 680, 495, 50, 0.93);
        pdf.text(60, 708, 10, false, tr(invoice.creditNote ? l.total : l.amountPaid));
        pdf.text(60, 690, 16, true, m(invoice.total));
        pdf.text(300, 708, 10, false, tr(l.date));
        pdf.text(300, 690, 12, false, d(invoice.date));
        if (invoice.creditNote) {
            pdf.text(50, 660, 10, false, tr(l.original) + QStringLiteral(" ") + invoice.creditFor);
        }
        pdf.text(50, 630, 10, false, QStringLiteral("%1 × %2 (%3)").arg(invoice.seats).arg(product, period));
        pdf.text(50, 612, 10, false, tr(l.subtotal) + QStringLiteral(" ") + m(invoice.net));
        pdf.text(50, 594, 10, false, taxText + QStringLiteral(" ") + m(invoice.tax));
        pdf.text(50, 576, 10, true, tr(l.total) + QStringLiteral(" ") + m(invoice.total));
        pdf.text(50, 540, 9, false, QStringLiteral("Visa •••• 4242"));
        break;
    }
    }
    pdf.text(50, 60, 8, false, tr(l.thanks) + QStringLiteral(" ") + QString::fromLatin1(v.senderAddress));
    return pdf.finish(title + u' ' + invoice.number, QDateTime(invoice.date, QTime(6, 0), QTimeZone::utc()));
}

QByteArray InvoiceBook::pdfOf(int index) const
{
    auto it = m_pdfs.constFind(index);
    if (it == m_pdfs.constEnd()) {
        it = m_pdfs.insert(index, pdf(m_invoices.at(index)));
    }
    return *it;
}

QJsonObject InvoiceBook::truthJson(const Invoice &invoice) const
{
    const BillingVendor &v = vendors().at(invoice.vendor);
    return QJsonObject {
        {QStringLiteral("vendor"),
            v.catalogId != nullptr ? QJsonValue(QString::fromLatin1(v.catalogId)) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("vendor_name"), QString::fromUtf8(v.name)},
        {QStringLiteral("sender_domain"), QString::fromLatin1(v.senderAddress).section(u'@', 1)},
        {QStringLiteral("invoice_number"), invoice.number},
        {QStringLiteral("invoice_date"), invoice.date.toString(Qt::ISODate)},
        {QStringLiteral("period_start"), invoice.periodStart.toString(Qt::ISODate)},
        {QStringLiteral("period_end"), invoice.periodEnd.toString(Qt::ISODate)},
        {QStringLiteral("total"), decimal(invoice.total)}, {QStringLiteral("tax"), decimal(invoice.tax)},
        {QStringLiteral("currency"), QString::fromLatin1(v.currency)}, {QStringLiteral("seats"), invoice.seats},
        {QStringLiteral("kind"), invoice.creditNote ? QStringLiteral("credit_note") : QStringLiteral("invoice")},
        {QStringLiteral("credit_for"),
            invoice.creditNote ? QJsonValue(invoice.creditFor) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("language"), QString::fromLatin1(v.language)}, {QStringLiteral("layout"), v.layout},
        {QStringLiteral("in_catalog"), v.catalogId != nullptr}};
}

}  // namespace stocktake::tenantsim
