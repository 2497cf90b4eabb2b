<#
.SYNOPSIS
Replaces the files of an installed ExchangeSpfAgent with those of a newer package.

.DESCRIPTION
Stops the transport services that load the agent, copies the package's changed files into the installation
folder and unblocks them, starts the services again and verifies the registration with Get-TransportAgent.
The configuration file and the logs are kept; the package's default configuration is written beside the
configuration as ExchangeSpfAgent.config.default.xml, so new settings can be compared. When no file differs,
nothing is stopped.

The services are started again even when copying fails, so mail keeps flowing; the error then says which
file could not be replaced. Every change is behind ShouldProcess (-WhatIf, -Confirm).

.PARAMETER TransportService
The transport services in which the agent is registered: FrontEnd, Hub or Edge. Every service that loads the
agent must be listed, because a running service keeps the files locked.

.PARAMETER Path
The installation folder. Default: the folder from which the transport service loads the agent.

.PARAMETER SourcePath
The folder with the new agent files. Default: the Agent folder beside this script, as the package has it.

.PARAMETER Name
The name under which the agent is registered. Default: ExchangeSpfAgent.

.EXAMPLE
.\Update-ExchangeSpfAgent.ps1 -TransportService FrontEnd -WhatIf

Shows which files would be replaced and which services would be stopped.

.EXAMPLE
.\Update-ExchangeSpfAgent.ps1 -TransportService FrontEnd, Hub -Verbose

Updates an agent that both transport services of a Mailbox server load.
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
    [string] $Name = 'ExchangeSpfAgent'
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

foreach ($file in 'Common', 'Registration', 'AgentFiles', 'ConfigurationFile', 'ServiceControl')
{
    . (Join-Path -Path (Join-Path -Path $PSScriptRoot -ChildPath 'Private') -ChildPath "$file.ps1")
}

$TransportService = @($TransportService | Select-Object -Unique)
Assert-TransportServiceList -TransportService $TransportService

Write-Verbose 'Checking the Exchange shell and build.'
Import-ExchangeManagementSnapin -TransportService $TransportService
Assert-SupportedExchangeBuild -Build (Get-ExchangeBuild)

foreach ($service in $TransportService)
{
    $registration = Get-AgentRegistration -Name $Name -TransportService $service
    if ($null -eq $registration)
    {
        throw "The agent '$Name' is not registered in the $service transport service, so there is nothing to update. Install it with Install-ExchangeSpfAgent.ps1."
    }

    $registeredFolder = Split-Path -Path "$($registration.AssemblyPath)" -Parent
    if (-not $Path)
    {
        $Path = $registeredFolder
    }
    elseif (-not (Test-SamePath -Path $registeredFolder -OtherPath $Path))
    {
        throw "The $service transport service loads the agent from '$registeredFolder', not from '$Path'. Pass -Path '$registeredFolder', or update each folder separately."
    }
}

Write-Verbose "Comparing '$SourcePath' with '$Path'."
$plan = @(Get-AgentFilePlan -SourcePath $SourcePath -Path $Path)
$changes = @($plan | Where-Object { $_.Changed })
if ($changes.Count -eq 0)
{
    Write-Verbose "The files in '$Path' are up to date; no service was stopped."
}
else
{
    $serviceNames = @($TransportService | ForEach-Object { Get-TransportServiceName -TransportService $_ } | Select-Object -Unique)
    $stopped = @(Stop-TransportService -ServiceName $serviceNames)
    $copied = @()
    $copyError = $null
    try
    {
        $copied = @(Copy-AgentFile -Plan $plan)
        Unblock-AgentFile -Path $copied
    }
    catch
    {
        # Start the services first, so mail flows again, then report the error.
        $copyError = $_
    }

    try
    {
        Start-TransportService -ServiceName $stopped
    }
    catch
    {
        if ($null -ne $copyError)
        {
            throw "$($copyError.Exception.Message) $($_.Exception.Message)"
        }

        throw
    }

    if ($null -ne $copyError)
    {
        throw $copyError
    }

    Write-Verbose "Replaced $($copied.Count) files; the configuration file and the logs were kept."
}

if ($WhatIfPreference)
{
    return
}

$assemblyPath = Join-Path -Path $Path -ChildPath $script:AgentAssemblyFileName
foreach ($service in $TransportService)
{
    Assert-AgentRegistered -Name $Name -TransportService $service -AssemblyPath $assemblyPath
}

Get-AgentStatus -Name $Name -TransportService $TransportService -Path $Path
