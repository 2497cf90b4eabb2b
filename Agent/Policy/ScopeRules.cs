using System.Linq;
using ExchangeSpfAgent.Configuration;

namespace ExchangeSpfAgent.Policy;

/// <summary>Decides whether a session is out of the agent's scope, and why.</summary>
public static class ScopeRules
{
    /// <summary>Returns why the message is skipped, or null when it is checked.</summary>
    public static string? SkipReason(MessageContext message, ScopeSettings scope)
    {
        if (scope.SkipOrganizationAuthenticated && message.IsOrganizationAuthenticated)
        {
            return "Skipped: the session is authenticated as the organization.";
        }

        if (scope.SkipAntispamBypass && message.AntispamBypass)
        {
            return "Skipped: the session has the antispam bypass permission.";
        }

        if (scope.ConnectorBindings.Count > 0
            && (message.LocalEndPoint is null || !scope.ConnectorBindings.Any(b => b.Matches(message.LocalEndPoint))))
        {
            return $"Skipped: the local end point {message.LocalEndPoint} is not a configured connector binding.";
        }

        return null;
    }
}
