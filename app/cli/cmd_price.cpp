// SPDX-FileCopyrightText: 2026 The Stocktake authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "command.h"
#include "core/clock.h"
#include "profileaccess.h"
#include "store/database.h"
#include "store/prices.h"

#include <QCoreApplication>
#include <QSqlQuery>
#include <QTextStream>

namespace stocktake::cli {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("stocktake::cli::PriceCommand", text, disambiguation, n);
}

/// Whether anything synced answers to `key`: a subscribed SKU's part number, an application id
/// or a manual app (case-insensitively). A price for nothing yet is kept, with a note.
bool keyIsKnown(const store::Database &db, const QString &key)
{
    QSqlQuery query(db.sql());
    query.prepare(
        QStringLiteral("SELECT EXISTS (SELECT 1 FROM subscribed_skus WHERE lower(sku_part_number) = lower(:k)) "
                       "OR EXISTS (SELECT 1 FROM service_principals WHERE lower(app_id) = lower(:k)) "
                       "OR EXISTS (SELECT 1 FROM usage_keys k JOIN usage_daily ud ON ud.app = k.key "
                       "WHERE k.object_id = lower(:k)) "
                       "OR EXISTS (SELECT 1 FROM apps_manual WHERE lower(app_key) = lower(:k))"));
    query.bindValue(QStringLiteral(":k"), key);
    return query.exec() && query.next() && query.value(0).toBool();
}

/// `price set SKU_PART_NUMBER_OR_APP AMOUNT CURRENCY [--per month|year]`: the unit price that
/// license waste and spend use, over the bundled list price.
class PriceCommand final : public Command {
public:
    [[nodiscard]] QString name() const override { return QStringLiteral("price"); }
    [[nodiscard]] QString synopsis() const override
    {
        return QStringLiteral("price set SKU_PART_NUMBER_OR_APP AMOUNT CURRENCY [--per month|year]");
    }
    [[nodiscard]] QString summary() const override
    {
        return tr("Sets a unit price used for license waste and spend; it wins over the bundled list price.");
    }

    void run(CommandContext &context, const QStringList &arguments, Finish finish) override
    {
        m_context = &context;
        const auto parsed = parseArguments(arguments, {QStringLiteral("--per")}, {});
        if (!parsed)
            return finish(parsed.error());
        if (parsed->positional.isEmpty() || parsed->positional.constFirst() != QLatin1StringView("set"))
            return finish(usageError(tr("Use: price set SKU_PART_NUMBER_OR_APP AMOUNT CURRENCY [--per month|year].")));
        if (parsed->positional.size() != 4)
            return finish(usageError(tr("price set takes a SKU part number or app id, an amount and a currency.")));
        const QString key = parsed->positional.at(1).trimmed();
        if (key.isEmpty() || key.size() > 200 || key.contains(u' '))
            return finish(usageError(tr("The SKU part number or app id cannot be empty or hold spaces.")));
        const auto currency = core::Currency::fromCode(parsed->positional.at(3).toUpper());
        if (!currency)
            return finish(usageError(
                tr("'%1' is not an ISO 4217 currency code (EUR, USD, NOK, …).").arg(parsed->positional.at(3))));
        const auto amount = core::Money::parse(parsed->positional.at(2), *currency);
        if (!amount || amount->minorUnits() < 0) {
            return finish(usageError(tr("AMOUNT is a plain non-negative number with '.' as the decimal point and at "
                                        "most %n decimal(s) for %1, e.g. 12.50.",
                nullptr, currency->minorDigits())
                                         .arg(currency->code())));
        }
        const QString period = parsed->values.value(QStringLiteral("--per"), QStringLiteral("month"));
        if (period != QLatin1StringView("month") && period != QLatin1StringView("year"))
            return finish(usageError(tr("--per is month or year.")));
        m_price.emplace(store::ManualPrice {
            key, *amount, period, m_context->clock ? m_context->clock->nowUtc() : QDateTime::currentDateTimeUtc()});

        m_access = std::make_unique<ProfileAccess>(context);
        m_access->selectProfile([this, finish](core::Result<store::Profile> profile) {
            if (!profile)
                return finish(profile.error());
            m_access->openDatabase(*profile, {}, [this, finish](store::ProfileKeys::Opened db) {
                if (!db)
                    return finish(db.error());
                if (auto s = store::Prices::set(**db, *m_price); !s)
                    return finish(s);
                const QString what = m_price->period == QLatin1StringView("year")
                    ? tr("%1: %2 %3 per year")
                          .arg(m_price->key, m_price->amount.toDecimalString(), m_price->amount.currency().code())
                    : tr("%1: %2 %3 per month")
                          .arg(m_price->key, m_price->amount.toDecimalString(), m_price->amount.currency().code());
                *m_context->out << what << u'\n';
                if (!keyIsKnown(**db, m_price->key) && m_context->verbosity != core::Verbosity::Quiet) {
                    *m_context->err << tr("note: no synced license or app is called %1 yet; the price applies once "
                                          "one is.")
                                           .arg(m_price->key)
                                    << u'\n';
                }
                finish({});
            });
        });
    }

private:
    CommandContext *m_context = nullptr;
    std::unique_ptr<ProfileAccess> m_access;
    std::optional<store::ManualPrice> m_price;
};

}  // namespace

std::unique_ptr<Command> makePriceCommand()
{
    return std::make_unique<PriceCommand>();
}

}  // namespace stocktake::cli
