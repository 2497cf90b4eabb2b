<#
.SYNOPSIS
Installs the ExchangeSpfAgent transport agent on this Exchange server.

.DESCRIPTION
Checks that the Exchange build is supported, copies the agent's files into the installation folder and
unblocks them, keeps an existing configuration file (the package's default then goes beside it as
ExchangeSpfAgent.config.default.xml), creates the ExchangeSpfAgent event source, grants NETWORK SERVICE read
access to the folder and modify access to the log folder, registers the agent with Install-TransportAgent,
enables it, sets its priority, restarts the transport service and verifies the result with Get-TransportAgent.

Every change is behind ShouldProcess, so -WhatIf shows the changes and -Confirm asks before each one. Running
the script again changes only what differs: files with the same content are not copied, and the service is
restarted only when the registration changed. To replace the files of an installed agent, use
Update-ExchangeSpfAgent.ps1.

Run it on the Exchange server as an administrator. Front End Transport agents need Windows PowerShell 5.1 with
the Exchange snap-in, which the script loads; Hub and Edge Transport agents can also be installed from the
Exchange Management Shell.

.PARAMETER TransportService
The transport services to install the agent in: FrontEnd (recommended: it sees the appliance's connection on
port 25 first), Hub or Edge. FrontEnd and Hub can be given together; Edge stands alone.

.PARAMETER Path
The installation folder. Default: ExchangeSpfAgent in the Program Files folder.

.PARAMETER SourcePath
The folder with the agent's files. Default: the Agent folder beside this script, as the package has it.

.PARAMETER Name
The name under which the agent is registered. Default: ExchangeSpfAgent.

.PARAMETER Priority
The agent's priority among the transport agents of the service, 1 being the first to run. Without it the
agent keeps the priority that Exchange gives it (after the existing agents).

.PARAMETER NoEnable
Registers the agent without enabling it; enable it later with Enable-TransportAgent.

.PARAMETER NoRestart
Does not restart the transport service; the change takes effect at its next restart.

.PARAMETER ReceiveConnector
Receive connectors whose sessions the agent checks, by name or SERVER\Name; may be repeated. Their bindings
(IP:port) are written into Scope/ConnectorBindings. Without it the agent checks every connector.
Set-ExchangeSpfAgentConnectorScope.ps1 changes this later.

.PARAMETER TrustConnectorRemoteIPRanges
With -ReceiveConnector, also writes the connectors' RemoteIPRanges into Origin/TrustedRelays, for connectors
that accept mail only from the filtering appliances.

.EXAMPLE
.\Install-ExchangeSpfAgent.ps1 -TransportService FrontEnd -WhatIf

Shows every change the installation would make.

.EXAMPLE
.\Install-ExchangeSpfAgent.ps1 -TransportService FrontEnd -ReceiveConnector 'EX01\From appliance' -TrustConnectorRemoteIPRanges -Verbose

Installs the agent in the Front End Transport service, checks only the sessions of one connector and trusts
the appliances that the connector accepts mail from.

.EXAMPLE
.\Install-ExchangeSpfAgent.ps1 -TransportService FrontEnd, Hub -Priority 1

Installs the agent in both transport services of a Mailbox server and makes it run first.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateSet('FrontEnd', 'Hub', 'Edge')]
    [string[]] $TransportService = @('FrontEnd'),

    [ValidateNotNullOrEmpty()]
    [string] $Path,

    [ValidateNotNullOrEmpty()]
    [string] $SourcePath = (Join-Path -Path $PSScriptRoot -ChildPath 'Agent'),

    [ValidateLength(1, 64)]
    [string] $Name = 'ExchangeSpfAgent',

    [ValidateRange(1, 1000)]
    [int] $Priority,

    [switch] $NoEnable,

    [switch] $NoRestart,

    [ValidateNotNullOrEmpty()]
    [string[]] $ReceiveConnector,

    [switch] $TrustConnectorRemoteIPRanges
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

foreach ($file in 'Common', 'Registration', 'ServiceControl', 'AgentFiles', 'ConfigurationFile', 'AddressRanges', 'ConnectorScope')
{
    . (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath 'Private') -ChildPath "$file.ps1")
}

if ($TrustConnectorRemoteIPRanges -and -not $ReceiveConnector)
{
    throw '-TrustConnectorRemoteIPRanges needs -ReceiveConnector: the trusted relays are read from those connectors.'
}

$TransportService = @($TransportService | Select-Object -Unique)
Assert-TransportServiceList -TransportService $TransportService
if (-not $Path)
{
    $Path = Get-DefaultAgentPath
}

Write-Verbose 'Checking the Exchange shell and build.'
Import-ExchangeManagementSnapin -TransportService $TransportService
Assert-SupportedExchangeBuild -Build (Get-ExchangeBuild)

$assemblyPath = Join-Path -Path $Path -ChildPath $script:AgentAssemblyFileName
$registrations = @{}
foreach ($service in $TransportService)
{
    $registration = Get-AgentRegistration -Name $Name -TransportService $service
    if ($null -ne $registration -and -not (Test-SamePath -Path "$($registration.AssemblyPath)" -OtherPath $assemblyPath))
    {
        throw ("The agent '$Name' is already registered in the $service transport service from " +
            "'$($registration.AssemblyPath)'. Install to that folder with -Path, or remove it first with " +
            'Uninstall-ExchangeSpfAgent.ps1.')
    }

    $registrations[$service] = $registration
}

Write-Verbose "Comparing '$SourcePath' with '$Path'."
$plan = @(Get-AgentFilePlan -SourcePath $SourcePath -Path $Path)
$changedBinaries = @($plan | Where-Object { $_.Changed -and $_.Kind -eq 'Binary' })
$registeredServices = @($registrations.Keys | Where-Object { $null -ne $registrations[$_] })
if ($registeredServices.Count -gt 0 -and $changedBinaries.Count -gt 0)
{
    throw ("The agent is already installed in '$Path' for $($registeredServices -join ', ') and these files differ " +
        "from the package: $(($changedBinaries | ForEach-Object { $_.Name }) -join ', '). Run Update-ExchangeSpfAgent.ps1, " +
        'which stops the transport services before it replaces the files.')
}

New-AgentFolder -Path $Path
$copied = @(Copy-AgentFile -Plan $plan)
Unblock-AgentFile -Path $copied

$configurationPath = Join-Path -Path $Path -ChildPath $script:ConfigurationFileName
$templatePath = Join-Path -Path $SourcePath -ChildPath $script:ConfigurationFileName
$readablePath = if (Test-Path -LiteralPath $configurationPath -PathType Leaf) { $configurationPath } else { $templatePath }
$logFolder = Get-AgentLogFolder -AgentPath $Path -ConfigurationPath $readablePath
New-AgentFolder -Path $logFolder
Grant-NetworkServiceAccess -Path $Path -Access Read
Grant-NetworkServiceAccess -Path $logFolder -Access Modify
Register-AgentEventSource

if ($ReceiveConnector)
{
    Update-AgentConnectorScope -ConfigurationPath $configurationPath -TemplatePath $templatePath `
        -ReceiveConnector $ReceiveConnector -TrustRemoteIPRanges:$TrustConnectorRemoteIPRanges |
        ForEach-Object {
            Write-Verbose "Receive connector $($_.Identity): bindings $($_.Bindings -join ', ')."
            if ($_.Note)
            {
                Write-Warning "Receive connector $($_.Identity): $($_.Note)"
            }
        }
}

$restartNeeded = @()
$declined = $false
foreach ($service in $TransportService)
{
    # A change declined at -Confirm or skipped by -WhatIf still counts, so that the restart is shown as well.
    # Registering alone needs no restart, because the service does not load a disabled agent.
    $registration = $registrations[$service]
    $changeCount = 0
    if ($null -eq $registration)
    {
        $declined = -not (Register-Agent -Name $Name -TransportService $service -AssemblyPath $assemblyPath) -or $declined
    }

    if (-not $NoEnable -and -not ($null -ne $registration -and [bool]$registration.Enabled))
    {
        $declined = -not (Enable-Agent -Name $Name -TransportService $service) -or $declined
        $changeCount++
    }

    if ($PSBoundParameters.ContainsKey('Priority') -and ($null -eq $registration -or $registration.Priority -ne $Priority))
    {
        $declined = -not (Set-AgentPriority -Name $Name -TransportService $service -Priority $Priority) -or $declined
        $changeCount++
    }

    if ($changeCount -gt 0)
    {
        $restartNeeded += Get-TransportServiceName -TransportService $service
    }
    else
    {
        Write-Verbose "The agent is registered in the $service transport service as requested."
    }
}

foreach ($serviceName in @($restartNeeded | Select-Object -Unique))
{
    if ($NoRestart)
    {
        Write-Warning "Restart the $serviceName service for the change to take effect: Restart-Service $serviceName"
        continue
    }

    $declined = -not (Restart-TransportService -ServiceName $serviceName) -or $declined
}

if ($WhatIfPreference)
{
    return
}

if ($declined)
{
    Write-Warning 'Some changes were declined, so the agent is not fully installed; run the script again to complete it.'
}
else
{
    foreach ($service in $TransportService)
    {
        Assert-AgentRegistered -Name $Name -TransportService $service -AssemblyPath $assemblyPath -Enabled:(-not $NoEnable)
    }
}

Get-AgentStatus -Name $Name -TransportService $TransportService -Path $Path
