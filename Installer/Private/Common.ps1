# Names, version checks and Exchange shell checks shared by the ExchangeSpfAgent scripts.
# The scripts dot-source this file, so its functions run in the calling script's scope and see its
# -WhatIf and -Confirm preferences.

Set-StrictMode -Version Latest

$script:AgentAssemblyFileName = 'ExchangeSpfAgent.dll'
$script:AgentFactoryType = 'ExchangeSpfAgent.Transport.SpfAgentFactory'
$script:ConfigurationFileName = 'ExchangeSpfAgent.config.xml'
$script:DefaultConfigurationFileName = 'ExchangeSpfAgent.config.default.xml'
$script:EventSourceName = 'ExchangeSpfAgent'
$script:EventSourceRegistryPath = 'HKLM:\SYSTEM\CurrentControlSet\Services\EventLog\Application\ExchangeSpfAgent'

# The snap-in of Exchange 2013 and later first, then the older name that Edge Transport servers may register.
$script:ExchangeSnapinNames = @(
    'Microsoft.Exchange.Management.PowerShell.SnapIn',
    'Microsoft.Exchange.Management.PowerShell.E2010'
)

# The oldest supported build of each Exchange version, as the file version of ExSetup.exe.
$script:MinimumExchangeBuilds = @(
    [pscustomobject]@{ Product = 'Exchange Server 2013'; Update = 'CU23'; Build = [version]'15.0.1497.2' },
    [pscustomobject]@{ Product = 'Exchange Server 2016'; Update = 'CU23'; Build = [version]'15.1.2507.6' },
    [pscustomobject]@{ Product = 'Exchange Server 2019 or Subscription Edition'; Update = '2019 CU12'; Build = [version]'15.2.1118.7' }
)

function Get-DefaultAgentPath
{
    <#
    .SYNOPSIS
    Returns the default installation folder, ExchangeSpfAgent under the Program Files folder.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param()

    if ([string]::IsNullOrEmpty($env:ProgramFiles))
    {
        throw 'The ProgramFiles environment variable is not set, so no default folder is known; pass -Path.'
    }

    Join-Path -Path $env:ProgramFiles -ChildPath 'ExchangeSpfAgent'
}

function Get-TransportServiceName
{
    <#
    .SYNOPSIS
    Returns the Windows service that runs the agents of a transport service.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [ValidateSet('FrontEnd', 'Hub', 'Edge')]
        [string] $TransportService
    )

    if ($TransportService -eq 'FrontEnd')
    {
        return 'MSExchangeFrontEndTransport'
    }

    # Hub and Edge agents both run in EdgeTransport.exe, which MSExchangeTransport starts.
    'MSExchangeTransport'
}

function Assert-TransportServiceList
{
    <#
    .SYNOPSIS
    Throws when the list of transport services cannot exist on one server.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string[]] $TransportService
    )

    if ($TransportService -contains 'Edge' -and @($TransportService | Where-Object { $_ -ne 'Edge' }).Count -gt 0)
    {
        throw ('An Edge Transport server runs no Front End Transport or Hub Transport service, so -TransportService ' +
            "Edge cannot be combined with '$(($TransportService | Where-Object { $_ -ne 'Edge' }) -join "', '")'.")
    }
}

function Import-ExchangeManagementSnapin
{
    <#
    .SYNOPSIS
    Makes the transport agent cmdlets available, loading the Exchange snap-in where it is needed.

    .DESCRIPTION
    Front End Transport agents can only be managed through the local Exchange snap-in, so for FrontEnd the
    snap-in is loaded unless it already is. For Hub and Edge the cmdlets of an Exchange Management Shell
    session are enough. Throws a message that says which shell to open when no snap-in can be loaded.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string[]] $TransportService
    )

    $loaded = @(Get-PSSnapin -Name 'Microsoft.Exchange.Management.PowerShell.*' -ErrorAction SilentlyContinue)
    if ($loaded.Count -gt 0)
    {
        Write-Verbose "The Exchange snap-in $($loaded[0].Name) is loaded."
        return
    }

    $needsSnapin = $TransportService -contains 'FrontEnd'
    if (-not $needsSnapin -and $null -ne (Get-Command -Name 'Install-TransportAgent' -ErrorAction SilentlyContinue))
    {
        Write-Verbose 'The transport agent cmdlets of the Exchange Management Shell are available.'
        return
    }

    $errors = @()
    foreach ($snapinName in $script:ExchangeSnapinNames)
    {
        try
        {
            Write-Verbose "Loading the Exchange snap-in $snapinName."
            Add-PSSnapin -Name $snapinName -ErrorAction Stop
            return
        }
        catch
        {
            $errors += "${snapinName}: $($_.Exception.Message)"
        }
    }

    throw ('The Exchange management snap-in could not be loaded (' + ($errors -join '; ') + '). Run this script ' +
        'on the Exchange server in Windows PowerShell 5.1 as an administrator; Front End Transport agents need ' +
        'plain Windows PowerShell with the snap-in, not a remote Exchange Management Shell session.')
}

function Get-ExchangeBuild
{
    <#
    .SYNOPSIS
    Returns the installed Exchange build, the file version of ExSetup.exe, as a [version].
    #>
    [CmdletBinding()]
    [OutputType([version])]
    param()

    if ([string]::IsNullOrEmpty($env:ExchangeInstallPath))
    {
        throw ('The ExchangeInstallPath environment variable is not set, so Exchange is not installed on this ' +
            'computer. Run the script on the Exchange server where the agent will run.')
    }

    $exSetupPath = Join-Path -Path (Join-Path -Path $env:ExchangeInstallPath -ChildPath 'Bin') -ChildPath 'ExSetup.exe'
    try
    {
        $versionInfo = (Get-Item -LiteralPath $exSetupPath -ErrorAction Stop).VersionInfo
    }
    catch
    {
        throw "The Exchange build could not be read from '$exSetupPath': $($_.Exception.Message) Check that Exchange Server is installed in '$env:ExchangeInstallPath'."
    }

    New-Object -TypeName System.Version -ArgumentList @(
        $versionInfo.FileMajorPart, $versionInfo.FileMinorPart, $versionInfo.FileBuildPart, $versionInfo.FilePrivatePart)
}

function Assert-SupportedExchangeBuild
{
    <#
    .SYNOPSIS
    Throws when the Exchange build is older than the oldest supported update of its version.

    .DESCRIPTION
    Builds of a version newer than the newest known one pass with a warning, because the agent uses only the
    transport API that every Exchange version since 2013 shares.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [version] $Build
    )

    $supported = ($script:MinimumExchangeBuilds | ForEach-Object { "$($_.Product) $($_.Update) ($($_.Build))" }) -join ', '
    $newest = $script:MinimumExchangeBuilds[-1].Build
    foreach ($minimum in $script:MinimumExchangeBuilds)
    {
        if ($Build.Major -eq $minimum.Build.Major -and $Build.Minor -eq $minimum.Build.Minor)
        {
            if ($Build -lt $minimum.Build)
            {
                throw ("Exchange build $Build is not supported: $($minimum.Product) needs $($minimum.Update) " +
                    "($($minimum.Build)) or later. Install a supported cumulative update first. Supported: $supported.")
            }

            Write-Verbose "Exchange build $Build is supported ($($minimum.Product))."
            return
        }
    }

    if ($Build.Major -gt $newest.Major -or ($Build.Major -eq $newest.Major -and $Build.Minor -gt $newest.Minor))
    {
        Write-Warning "Exchange build $Build is newer than the versions this agent was built for ($supported)."
        return
    }

    throw "Exchange build $Build is not supported. Supported: $supported."
}

function Get-AgentRegistration
{
    <#
    .SYNOPSIS
    Returns the agent's registration in a transport service, or nothing when it is not registered.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [ValidateSet('FrontEnd', 'Hub', 'Edge')]
        [string] $TransportService
    )

    # The list shows whether the agent exists without a not-found error; the agent read by its identity carries
    # every property, AssemblyPath included.
    try
    {
        $listed = @(Get-TransportAgent -TransportService $TransportService -ErrorAction Stop |
                Where-Object { "$($_.Identity)" -eq $Name })
        if ($listed.Count -eq 0)
        {
            return
        }

        Get-TransportAgent -Identity $Name -TransportService $TransportService -ErrorAction Stop | Select-Object -First 1
    }
    catch
    {
        throw "Get-TransportAgent -TransportService $TransportService failed: $($_.Exception.Message) Check that this server runs the $TransportService transport service."
    }
}

function Test-SamePath
{
    <#
    .SYNOPSIS
    Returns whether two file paths name the same file, ignoring case and the form of the separators.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowEmptyString()]
        [string] $Path,

        [AllowEmptyString()]
        [string] $OtherPath
    )

    $normalized = @($Path, $OtherPath) | ForEach-Object { ($_ -replace '[\\/]+', '/').TrimEnd('/') }
    [string]::Equals($normalized[0], $normalized[1], [System.StringComparison]::OrdinalIgnoreCase)
}

function Get-AgentStatus
{
    <#
    .SYNOPSIS
    Returns the state of the agent in each transport service as one object per service.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [string[]] $TransportService,

        [string] $Path
    )

    foreach ($service in $TransportService)
    {
        $registration = Get-AgentRegistration -Name $Name -TransportService $service
        $serviceName = Get-TransportServiceName -TransportService $service
        $windowsService = Get-Service -Name $serviceName -ErrorAction SilentlyContinue
        [pscustomobject]@{
            PSTypeName = 'ExchangeSpfAgent.AgentStatus'
            Name = $Name
            TransportService = $service
            Registered = $null -ne $registration
            Enabled = $null -ne $registration -and [bool]$registration.Enabled
            Priority = if ($null -ne $registration) { $registration.Priority } else { $null }
            AssemblyPath = if ($null -ne $registration) { "$($registration.AssemblyPath)" } else { $null }
            ServiceName = $serviceName
            ServiceStatus = if ($null -ne $windowsService) { "$($windowsService.Status)" } else { 'NotFound' }
            Path = $Path
        }
    }
}
