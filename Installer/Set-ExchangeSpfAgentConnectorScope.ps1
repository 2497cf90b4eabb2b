<#
.SYNOPSIS
Sets the receive connectors whose sessions ExchangeSpfAgent checks.

.DESCRIPTION
Reads each receive connector with Get-ReceiveConnector and writes its bindings (IP:port) into
Scope/ConnectorBindings of the agent's configuration file, replacing the list there. With
-TrustRemoteIPRanges it also writes the connectors' RemoteIPRanges into Origin/TrustedRelays, for connectors
that accept mail only from the filtering appliances. -AllConnectors empties the list, so that the agent
checks every connector again.

The agent sees only the local IP address and port of a session, so:
- a connector on another server is left out and explained, because its sessions never reach this server;
- a binding on 0.0.0.0 or :: matches every local address on its port, and every other connector of this
  server on the same port is named, because the agent checks its sessions too.

Returns one object per connector with its bindings, remote IP ranges and these notes. The agent reloads the
file by itself; no service restart is needed. Under -WhatIf the change is shown and nothing is written.

.PARAMETER ReceiveConnector
The receive connectors, by name or SERVER\Name; may be repeated.

.PARAMETER TrustRemoteIPRanges
Also replaces Origin/TrustedRelays with the connectors' RemoteIPRanges. A connector that accepts every address
is rejected, because trusting it would let any sender choose the IP that SPF checks.

.PARAMETER AllConnectors
Empties Scope/ConnectorBindings, so the agent checks the sessions of every connector.

.PARAMETER Path
The installation folder with ExchangeSpfAgent.config.xml. Default: ExchangeSpfAgent in the Program Files folder.

.EXAMPLE
.\Set-ExchangeSpfAgentConnectorScope.ps1 -ReceiveConnector 'EX01\From appliance' -TrustRemoteIPRanges -WhatIf

Shows the bindings and trusted relays that would be written.

.EXAMPLE
.\Set-ExchangeSpfAgentConnectorScope.ps1 -ReceiveConnector 'From appliance', 'From partner' | Format-List

Checks the sessions of two connectors and lists the notes on each.

.EXAMPLE
.\Set-ExchangeSpfAgentConnectorScope.ps1 -AllConnectors

Checks the sessions of every connector again.
#>
[CmdletBinding(SupportsShouldProcess, DefaultParameterSetName = 'Connectors')]
param(
    [Parameter(Mandatory, ParameterSetName = 'Connectors')]
    [ValidateNotNullOrEmpty()]
    [string[]] $ReceiveConnector,

    [Parameter(ParameterSetName = 'Connectors')]
    [switch] $TrustRemoteIPRanges,

    [Parameter(Mandatory, ParameterSetName = 'All')]
    [switch] $AllConnectors,

    [ValidateNotNullOrEmpty()]
    [string] $Path
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

foreach ($file in 'Common', 'ConfigurationFile', 'AddressRanges', 'ConnectorScope')
{
    . (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath 'Private') -ChildPath "$file.ps1")
}

if (-not $Path)
{
    $Path = Get-DefaultAgentPath
}

$configurationPath = Join-Path -Path $Path -ChildPath $script:ConfigurationFileName
if ($AllConnectors)
{
    $document = Read-AgentConfiguration -Path $configurationPath
    $old = @(Get-ConfigurationList -Document $document -ListPath 'Scope/ConnectorBindings' -ItemName 'Binding')
    if ($old.Count -eq 0)
    {
        Write-Verbose 'Scope/ConnectorBindings is empty already; the agent checks every connector.'
        return
    }

    Set-ConfigurationList -Document $document -ListPath 'Scope/ConnectorBindings' -ItemName 'Binding' -Value @()
    Save-AgentConfiguration -Document $document -Path $configurationPath `
        -Description "Empty Scope/ConnectorBindings, so the agent checks every connector (was: $($old -join ', '))" | Out-Null
    return
}

Update-AgentConnectorScope -ConfigurationPath $configurationPath -ReceiveConnector $ReceiveConnector `
    -TrustRemoteIPRanges:$TrustRemoteIPRanges
