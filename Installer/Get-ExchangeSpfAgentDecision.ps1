<#
.SYNOPSIS
Reads ExchangeSpfAgent's decision logs into objects, one per message, with filters.

.DESCRIPTION
Reads the Decision_*.log files (CSV with a #Fields: header, one line per message) and returns an object per
line with the columns as properties: Time (local time), SessionId, MessageId, ConnectorEndpoint, PeerIp,
OriginIp, OriginSource, Helo, MailFrom, Identity, Result, Mechanism, Action, SmtpResponse, ElapsedMs,
DnsQueries, CacheHits and Reason, plus SenderDomain, the domain of MailFrom (of the HELO name for the null
sender). Escaped control characters in the fields are restored.

Filters combine with AND; a filter given several values matches any of them.

.PARAMETER Path
Log files or folders; a folder is searched for Decision_*.log. Default: the log folder of the agent installed
in ExchangeSpfAgent under the Program Files folder.

.PARAMETER Start
Only decisions at or after this time (local time unless the value says otherwise).

.PARAMETER End
Only decisions before this time.

.PARAMETER Result
Only these SPF results.

.PARAMETER Action
Only these actions. In LogOnly mode the log shows the action that would have been taken.

.PARAMETER SenderDomain
Only these sender domains; wildcards such as *.example.com are allowed.

.PARAMETER OriginIP
Only origins in these addresses or CIDR ranges, such as 192.0.2.0/24 or 2001:db8::/32.

.EXAMPLE
.\Get-ExchangeSpfAgentDecision.ps1 -Start (Get-Date).AddHours(-1) -Action Reject | Format-Table Time, OriginIp, MailFrom, Result

Lists the messages rejected in the last hour.

.EXAMPLE
.\Get-ExchangeSpfAgentDecision.ps1 -Result fail, softfail | Group-Object SenderDomain | Sort-Object Count -Descending

Counts failing messages per sender domain.
#>
[CmdletBinding()]
param(
    [Parameter(ValueFromPipeline, ValueFromPipelineByPropertyName)]
    [Alias('FullName')]
    [ValidateNotNullOrEmpty()]
    [string[]] $Path,

    [datetime] $Start,

    [datetime] $End,

    [ValidateSet('pass', 'fail', 'softfail', 'neutral', 'none', 'temperror', 'permerror')]
    [string[]] $Result,

    [ValidateSet('Accept', 'Stamp', 'Reject', 'Defer', 'Discard', 'Quarantine')]
    [string[]] $Action,

    [ValidateNotNullOrEmpty()]
    [string[]] $SenderDomain,

    [ValidateNotNullOrEmpty()]
    [string[]] $OriginIP
)

begin
{
    Set-StrictMode -Version Latest
    $ErrorActionPreference = 'Stop'

    foreach ($file in 'Common', 'AgentFiles', 'ConfigurationFile', 'DecisionLog', 'DecisionFilter')
    {
        . (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath 'Private') -ChildPath "$file.ps1")
    }

    # Only the filters given reach New-DecisionFilter, which treats a missing one as no filter.
    $filterParameters = @{}
    foreach ($name in 'Start', 'End', 'Result', 'Action', 'SenderDomain', 'OriginIP')
    {
        if ($PSBoundParameters.ContainsKey($name))
        {
            $filterParameters[$name] = $PSBoundParameters[$name]
        }
    }

    $filter = New-DecisionFilter @filterParameters
    $paths = @()
}

process
{
    if ($Path)
    {
        $paths += $Path
    }
}

end
{
    if ($paths.Count -eq 0)
    {
        $agentPath = Get-DefaultAgentPath
        $paths = @(Get-AgentLogFolder -AgentPath $agentPath -ConfigurationPath (Join-Path -Path $agentPath -ChildPath $script:ConfigurationFileName))
    }

    foreach ($logFile in Get-DecisionLogFile -Path $paths -Filter $filter)
    {
        Read-DecisionLog -Path $logFile | Where-Object { Test-DecisionFilter -Decision $_ -Filter $filter }
    }
}
