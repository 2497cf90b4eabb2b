<#
.SYNOPSIS
Removes the ExchangeSpfAgent transport agent from this Exchange server.

.DESCRIPTION
Disables the agent, removes its registration with Uninstall-TransportAgent and restarts the transport service,
so that the service no longer loads it. With -RemoveFiles it then deletes the installation folder and the
ExchangeSpfAgent event source; the log folder is kept unless -RemoveLogs is given as well.

A transport service in which the agent is not registered is skipped, so the script can be run again. Every
change is behind ShouldProcess (-WhatIf, -Confirm).

.PARAMETER TransportService
The transport services to remove the agent from: FrontEnd, Hub or Edge.

.PARAMETER Path
The installation folder, for -RemoveFiles and -RemoveLogs. Default: the folder from which the transport
service loaded the agent, else ExchangeSpfAgent in the Program Files folder.

.PARAMETER Name
The name under which the agent is registered. Default: ExchangeSpfAgent.

.PARAMETER NoRestart
Does not restart the transport service; the agent stays loaded until its next restart. Cannot be combined with
-RemoveFiles, because the loaded files cannot be deleted.

.PARAMETER RemoveFiles
Deletes the agent's files, including its configuration, and the event source.

.PARAMETER RemoveLogs
Deletes the log folder named by Logging/Folder in the configuration.

.EXAMPLE
.\Uninstall-ExchangeSpfAgent.ps1 -TransportService FrontEnd -WhatIf

Shows what the removal would change.

.EXAMPLE
.\Uninstall-ExchangeSpfAgent.ps1 -TransportService FrontEnd, Hub -RemoveFiles -RemoveLogs

Removes the agent from both transport services and deletes its files and logs.
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [ValidateSet('FrontEnd', 'Hub', 'Edge')]
    [string[]] $TransportService = @('FrontEnd'),

    [ValidateNotNullOrEmpty()]
    [string] $Path,

    [ValidateLength(1, 64)]
    [string] $Name = 'ExchangeSpfAgent',

    [switch] $NoRestart,

    [switch] $RemoveFiles,

    [switch] $RemoveLogs
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

foreach ($file in 'Common', 'Registration', 'ServiceControl', 'AgentFiles', 'ConfigurationFile', 'AgentRemoval')
{
    . (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath 'Private') -ChildPath "$file.ps1")
}

if ($NoRestart -and ($RemoveFiles -or $RemoveLogs))
{
    throw '-NoRestart cannot be combined with -RemoveFiles or -RemoveLogs: the transport service keeps the agent files open until it restarts.'
}

$TransportService = @($TransportService | Select-Object -Unique)
Assert-TransportServiceList -TransportService $TransportService
Import-ExchangeManagementSnapin -TransportService $TransportService

$restartNeeded = @()
foreach ($service in $TransportService)
{
    $registration = Get-AgentRegistration -Name $Name -TransportService $service
    if ($null -eq $registration)
    {
        Write-Verbose "The agent '$Name' is not registered in the $service transport service."
        continue
    }

    if (-not $Path)
    {
        $Path = Split-Path -Path "$($registration.AssemblyPath)" -Parent
    }

    if ([bool]$registration.Enabled)
    {
        Disable-Agent -Name $Name -TransportService $service | Out-Null
    }

    Unregister-Agent -Name $Name -TransportService $service | Out-Null
    $restartNeeded += Get-TransportServiceName -TransportService $service
}

foreach ($serviceName in @($restartNeeded | Select-Object -Unique))
{
    if ($NoRestart)
    {
        Write-Warning "The $serviceName service loads the agent until it restarts: Restart-Service $serviceName"
        continue
    }

    Restart-TransportService -ServiceName $serviceName | Out-Null
}

if ($RemoveFiles -or $RemoveLogs)
{
    if (-not $Path)
    {
        $Path = Get-DefaultAgentPath
    }

    Assert-AgentNotRegisteredElsewhere -Name $Name -TransportService $TransportService -Path $Path
    Remove-AgentInstallation -Path $Path -RemoveFiles:$RemoveFiles -RemoveLogs:$RemoveLogs
}

if ($WhatIfPreference)
{
    return
}

Get-AgentStatus -Name $Name -TransportService $TransportService -Path $Path
