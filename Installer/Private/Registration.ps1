# Registration of the agent with the Exchange transport agent cmdlets.
# Each function changes one thing behind ShouldProcess and passes -Confirm:$false to the Exchange cmdlet,
# because the question has been asked already.

Set-StrictMode -Version Latest

function Register-Agent
{
    <#
    .SYNOPSIS
    Registers the agent assembly with one transport service through Install-TransportAgent.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [ValidateSet('FrontEnd', 'Hub', 'Edge')]
        [string] $TransportService,

        [Parameter(Mandatory)]
        [string] $AssemblyPath
    )

    if (-not $PSCmdlet.ShouldProcess("$TransportService transport service", "Register transport agent '$Name' from '$AssemblyPath'"))
    {
        return $false
    }

    try
    {
        Install-TransportAgent -Name $Name -TransportAgentFactory $script:AgentFactoryType -AssemblyPath $AssemblyPath `
            -TransportService $TransportService -Confirm:$false -ErrorAction Stop | Out-Null
    }
    catch
    {
        throw ("Install-TransportAgent failed for the $TransportService transport service: $($_.Exception.Message) " +
            "If the factory type '$($script:AgentFactoryType)' is reported missing, check that every file of the " +
            "package is in '$(Split-Path -Path $AssemblyPath -Parent)' and that the Exchange build is supported; " +
            "HRESULT 0x80131515 means the files are still blocked, so run Unblock-File on them. Then run this script again.")
    }

    Write-Verbose "Registered '$Name' with the $TransportService transport service."
    $true
}

function Enable-Agent
{
    <#
    .SYNOPSIS
    Enables the registered agent in one transport service.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [ValidateSet('FrontEnd', 'Hub', 'Edge')]
        [string] $TransportService
    )

    if (-not $PSCmdlet.ShouldProcess("$TransportService transport service", "Enable transport agent '$Name'"))
    {
        return $false
    }

    try
    {
        Enable-TransportAgent -Identity $Name -TransportService $TransportService -Confirm:$false -ErrorAction Stop
    }
    catch
    {
        throw "Enable-TransportAgent '$Name' failed for the $TransportService transport service: $($_.Exception.Message) Enable it by hand with Enable-TransportAgent -Identity '$Name' -TransportService $TransportService."
    }

    $true
}

function Disable-Agent
{
    <#
    .SYNOPSIS
    Disables the registered agent in one transport service.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [ValidateSet('FrontEnd', 'Hub', 'Edge')]
        [string] $TransportService
    )

    if (-not $PSCmdlet.ShouldProcess("$TransportService transport service", "Disable transport agent '$Name'"))
    {
        return $false
    }

    try
    {
        Disable-TransportAgent -Identity $Name -TransportService $TransportService -Confirm:$false -ErrorAction Stop
    }
    catch
    {
        throw "Disable-TransportAgent '$Name' failed for the $TransportService transport service: $($_.Exception.Message) Nothing was uninstalled; check the agent with Get-TransportAgent -TransportService $TransportService and run this script again."
    }

    $true
}

function Unregister-Agent
{
    <#
    .SYNOPSIS
    Removes the agent's registration from one transport service; the files stay.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [ValidateSet('FrontEnd', 'Hub', 'Edge')]
        [string] $TransportService
    )

    if (-not $PSCmdlet.ShouldProcess("$TransportService transport service", "Uninstall transport agent '$Name'"))
    {
        return $false
    }

    try
    {
        Uninstall-TransportAgent -Identity $Name -TransportService $TransportService -Confirm:$false -ErrorAction Stop
    }
    catch
    {
        throw "Uninstall-TransportAgent '$Name' failed for the $TransportService transport service: $($_.Exception.Message) The agent is disabled; run this script again once the cause is fixed."
    }

    $true
}

function Set-AgentPriority
{
    <#
    .SYNOPSIS
    Sets the agent's priority in one transport service; 1 runs first.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [ValidateSet('FrontEnd', 'Hub', 'Edge')]
        [string] $TransportService,

        [Parameter(Mandatory)]
        [int] $Priority
    )

    if (-not $PSCmdlet.ShouldProcess("$TransportService transport service", "Set the priority of transport agent '$Name' to $Priority"))
    {
        return $false
    }

    try
    {
        Set-TransportAgent -Identity $Name -Priority $Priority -TransportService $TransportService -Confirm:$false -ErrorAction Stop
    }
    catch
    {
        throw "Set-TransportAgent '$Name' -Priority $Priority failed for the $TransportService transport service: $($_.Exception.Message) A priority must be between 1 and the number of agents that Get-TransportAgent -TransportService $TransportService lists."
    }

    $true
}

function Assert-AgentRegistered
{
    <#
    .SYNOPSIS
    Throws unless Get-TransportAgent lists the agent with the expected assembly path and state.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [ValidateSet('FrontEnd', 'Hub', 'Edge')]
        [string] $TransportService,

        [Parameter(Mandatory)]
        [string] $AssemblyPath,

        [switch] $Enabled
    )

    $registration = Get-AgentRegistration -Name $Name -TransportService $TransportService
    if ($null -eq $registration)
    {
        throw "Get-TransportAgent -TransportService $TransportService does not list '$Name' after the installation. Run the script again with -Verbose and check the Application event log."
    }

    if (-not (Test-SamePath -Path "$($registration.AssemblyPath)" -OtherPath $AssemblyPath))
    {
        throw "The $TransportService transport service loads '$Name' from '$($registration.AssemblyPath)', not from '$AssemblyPath'. Uninstall it with Uninstall-ExchangeSpfAgent.ps1 and install it again."
    }

    if ($Enabled -and -not [bool]$registration.Enabled)
    {
        throw "The agent '$Name' is registered but disabled in the $TransportService transport service. Run Enable-TransportAgent -Identity '$Name' -TransportService $TransportService."
    }
}
