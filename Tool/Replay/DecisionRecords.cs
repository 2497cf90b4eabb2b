using System;
using ExchangeSpfAgent.Logging;

namespace ExchangeSpfAgent.Tool.Replay;

/// <summary>Helpers for the decision records that replay writes.</summary>
internal static class DecisionRecords
{
    /// <summary>
    /// Returns a copy of <paramref name="record"/> stamped with the time the message arrived, so that a report of a
    /// replayed corpus spreads over the time the corpus covers; the record itself when the time is unknown.
    /// </summary>
    public static DecisionRecord WithTime(DecisionRecord record, DateTimeOffset? time) =>
        time is null
            ? record
            : new DecisionRecord
            {
                Time = time.Value,
                SessionId = record.SessionId,
                MessageId = record.MessageId,
                ConnectorEndPoint = record.ConnectorEndPoint,
                PeerIp = record.PeerIp,
                OriginIp = record.OriginIp,
                OriginSource = record.OriginSource,
                Helo = record.Helo,
                MailFrom = record.MailFrom,
                Identity = record.Identity,
                Result = record.Result,
                Mechanism = record.Mechanism,
                Action = record.Action,
                SmtpResponse = record.SmtpResponse,
                ElapsedMilliseconds = record.ElapsedMilliseconds,
                DnsQueries = record.DnsQueries,
                CacheHits = record.CacheHits,
                Reason = record.Reason,
            };
}
