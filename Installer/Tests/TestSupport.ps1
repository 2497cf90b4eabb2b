# Fakes for the Pester tests of the installation scripts: stand-ins for every Exchange and Windows command the
# scripts call, a simulated Exchange server behind the mocks, and a fake package in a temporary folder.
# Dot-source this file in BeforeAll and call Initialize-FakeExchange in BeforeEach.

$script:InstallerRoot = Split-Path -Path $PSScriptRoot -Parent
$script:RepositoryRoot = Split-Path -Path $script:InstallerRoot -Parent
$script:ShippedConfigurationPath = Join-Path -Path (Join-Path -Path $script:RepositoryRoot -ChildPath 'Agent') -ChildPath 'ExchangeSpfAgent.config.xml'

# Commands that Linux PowerShell lacks or that must never run for real. Each throws unless a test mocks it, and
# declares the parameters the scripts pass, so that Should -Invoke can filter on them.
function Install-TransportAgent
{
    [CmdletBinding(SupportsShouldProcess)]
    param([string] $Name, [string] $TransportAgentFactory, [string] $AssemblyPath, [string] $TransportService)
    throw 'Install-TransportAgent is not mocked.'
}

function Enable-TransportAgent
{
    [CmdletBinding(SupportsShouldProcess)]
    param([string] $Identity, [string] $TransportService)
    throw 'Enable-TransportAgent is not mocked.'
}

function Disable-TransportAgent
{
    [CmdletBinding(SupportsShouldProcess)]
    param([string] $Identity, [string] $TransportService)
    throw 'Disable-TransportAgent is not mocked.'
}

function Set-TransportAgent
{
    [CmdletBinding(SupportsShouldProcess)]
    param([string] $Identity, [int] $Priority, [string] $TransportService)
    throw 'Set-TransportAgent is not mocked.'
}

function Uninstall-TransportAgent
{
    [CmdletBinding(SupportsShouldProcess)]
    param([string] $Identity, [string] $TransportService)
    throw 'Uninstall-TransportAgent is not mocked.'
}

function Get-TransportAgent
{
    [CmdletBinding()]
    param([string] $Identity, [string] $TransportService)
    throw 'Get-TransportAgent is not mocked.'
}

function Get-ReceiveConnector
{
    [CmdletBinding()]
    param([string] $Identity, [string] $Server)
    throw 'Get-ReceiveConnector is not mocked.'
}

function Get-PSSnapin
{
    [CmdletBinding()]
    param([string[]] $Name, [switch] $Registered)
    throw 'Get-PSSnapin is not mocked.'
}

function Add-PSSnapin
{
    [CmdletBinding()]
    param([string[]] $Name)
    throw 'Add-PSSnapin is not mocked.'
}

function Get-Service
{
    [CmdletBinding()]
    param([string[]] $Name)
    throw 'Get-Service is not mocked.'
}

function Restart-Service
{
    [CmdletBinding(SupportsShouldProcess)]
    param([string[]] $Name, [switch] $Force)
    throw 'Restart-Service is not mocked.'
}

function Stop-Service
{
    [CmdletBinding(SupportsShouldProcess)]
    param([string[]] $Name, [switch] $Force)
    throw 'Stop-Service is not mocked.'
}

function Start-Service
{
    [CmdletBinding(SupportsShouldProcess)]
    param([string[]] $Name)
    throw 'Start-Service is not mocked.'
}

function New-EventLog
{
    [CmdletBinding()]
    param([string] $LogName, [string[]] $Source)
    throw 'New-EventLog is not mocked.'
}

function Remove-EventLog
{
    [CmdletBinding(SupportsShouldProcess)]
    param([string[]] $Source, [string] $LogName)
    throw 'Remove-EventLog is not mocked.'
}

function icacls.exe
{
    param([Parameter(ValueFromRemainingArguments)] [string[]] $Arguments)
    throw 'icacls.exe is not mocked.'
}

function New-FakeConnector
{
    <#
    .SYNOPSIS
    Returns a receive connector as the Exchange snap-in returns it, or with -Deserialized as a remote session
    returns it, with bindings and ranges as text.
    #>
    param(
        [string] $Server = 'EX01',
        [Parameter(Mandatory)] [string] $Name,
        [Parameter(Mandatory)] [string[]] $Bindings,
        [string[]] $RemoteIPRanges = @('0.0.0.0-255.255.255.255'),
        [string] $TransportRole = 'FrontendTransport',
        [bool] $Enabled = $true,
        [switch] $Deserialized
    )

    $bindingValues = $Bindings
    $rangeValues = $RemoteIPRanges
    $serverValue = $Server
    if (-not $Deserialized)
    {
        $bindingValues = @($Bindings | ForEach-Object {
                $colon = $_.LastIndexOf(':')
                [pscustomobject]@{ Address = [System.Net.IPAddress]::Parse($_.Substring(0, $colon).Trim('[', ']')); Port = [int]$_.Substring($colon + 1) }
            })
        $rangeValues = @($RemoteIPRanges | ForEach-Object { New-FakeIPRange -Text $_ })
        $serverValue = [pscustomobject]@{ Name = $Server }
    }

    [pscustomobject]@{
        Identity = "$Server\$Name"
        Name = $Name
        Server = $serverValue
        TransportRole = $TransportRole
        Enabled = $Enabled
        Bindings = $bindingValues
        RemoteIPRanges = $rangeValues
    }
}

function New-FakeIPRange
{
    <#
    .SYNOPSIS
    Returns an object with the LowerBound and UpperBound of Exchange's IPRange, for a-b or a single address.
    #>
    param([Parameter(Mandatory)] [string] $Text)

    $parts = $Text.Split('-')
    $lower = [System.Net.IPAddress]::Parse($parts[0])
    $upper = if ($parts.Count -gt 1) { [System.Net.IPAddress]::Parse($parts[1]) } else { $lower }
    $range = [pscustomobject]@{ LowerBound = $lower; UpperBound = $upper }
    $range | Add-Member -MemberType ScriptMethod -Name ToString -Value { "$($this.LowerBound)-$($this.UpperBound)" } -Force
    $range
}

function New-FakePackage
{
    <#
    .SYNOPSIS
    Creates the Agent folder of a package: fake DLLs whose text says the version, and the shipped configuration.
    #>
    param(
        [Parameter(Mandatory)] [string] $Path,
        [string] $Version = '1.0'
    )

    New-Item -ItemType Directory -Path $Path -Force | Out-Null
    foreach ($name in 'ExchangeSpfAgent.dll', 'NLog.dll', 'DnsClient.dll')
    {
        Set-Content -LiteralPath (Join-Path -Path $Path -ChildPath $name) -Value "$name $Version"
    }

    # A .NET copy, so that the mocked Copy-Item records only the copies of the scripts under test.
    [System.IO.File]::Copy($script:ShippedConfigurationPath, (Join-Path -Path $Path -ChildPath 'ExchangeSpfAgent.config.xml'), $true)
    $Path
}

function Initialize-FakeExchange
{
    <#
    .SYNOPSIS
    Points the environment at a temporary Exchange server and mocks every Exchange and Windows command.

    .DESCRIPTION
    The state lives in $global:FakeExchange, because mock bodies do not see the test file's script scope.
    Calls lists every state-changing call in order, as "Command argument". Root is a new folder below
    TestDrive for each test, because Pester keeps TestDrive for a whole Describe or Context block.
    #>
    param([string] $Build = '15.2.1544.4')

    $root = Join-Path -Path $TestDrive -ChildPath ([guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $root | Out-Null
    $global:FakeExchange = @{
        Root = $root
        Build = [version]$Build
        SnapinLoaded = $true
        SnapinAvailable = $true
        Agents = New-Object System.Collections.Generic.List[object]
        Services = @{ MSExchangeFrontEndTransport = 'Running'; MSExchangeTransport = 'Running' }
        EventSource = $false
        Connectors = @()
        InstallError = $null
        IcaclsExitCode = 0
        Calls = New-Object System.Collections.Generic.List[string]
    }

    $global:FakeEnvironment = @{
        ProgramFiles = $env:ProgramFiles
        ExchangeInstallPath = $env:ExchangeInstallPath
        COMPUTERNAME = $env:COMPUTERNAME
    }
    $env:ProgramFiles = Join-Path -Path $root -ChildPath 'Program Files'
    $env:ExchangeInstallPath = Join-Path -Path $root -ChildPath 'Exchange'
    $env:COMPUTERNAME = 'EX01'

    Mock Get-PSSnapin {
        if ($global:FakeExchange.SnapinLoaded)
        {
            [pscustomobject]@{ Name = 'Microsoft.Exchange.Management.PowerShell.SnapIn' }
        }
    }

    Mock Add-PSSnapin {
        if (-not $global:FakeExchange.SnapinAvailable)
        {
            throw "The Windows PowerShell snap-in '$Name' is not installed on this computer."
        }

        $global:FakeExchange.SnapinLoaded = $true
        $global:FakeExchange.Calls.Add("Add-PSSnapin $Name")
    }

    Mock Get-Item -ParameterFilter { $LiteralPath -like '*ExSetup.exe' } {
        $build = $global:FakeExchange.Build
        [pscustomobject]@{
            VersionInfo = [pscustomobject]@{
                FileMajorPart = $build.Major; FileMinorPart = $build.Minor; FileBuildPart = $build.Build; FilePrivatePart = $build.Revision
            }
        }
    }

    Mock Get-TransportAgent {
        $agents = @($global:FakeExchange.Agents | Where-Object { $_.TransportService -eq $TransportService })
        if ($Identity)
        {
            $agents = @($agents | Where-Object { $_.Identity -eq $Identity })
            if ($agents.Count -eq 0)
            {
                throw "The operation couldn't be performed because object '$Identity' couldn't be found."
            }
        }

        # The list form leaves out AssemblyPath, so a script that reads the path from the list fails the tests.
        $agents | ForEach-Object {
            $copy = $_.PSObject.Copy()
            if (-not $Identity)
            {
                $copy.AssemblyPath = $null
            }

            $copy
        }
    }

    Mock Install-TransportAgent {
        if ($null -ne $global:FakeExchange.InstallError)
        {
            throw $global:FakeExchange.InstallError
        }

        $count = @($global:FakeExchange.Agents | Where-Object { $_.TransportService -eq $TransportService }).Count
        $global:FakeExchange.Agents.Add([pscustomobject]@{
                Identity = $Name; TransportService = $TransportService; Enabled = $false; Priority = $count + 1
                AssemblyPath = $AssemblyPath; TransportAgentFactory = $TransportAgentFactory
            })
        $global:FakeExchange.Calls.Add("Install-TransportAgent $TransportService")
    }

    Mock Enable-TransportAgent {
        Get-FakeAgent -Identity $Identity -TransportService $TransportService | ForEach-Object { $_.Enabled = $true }
        $global:FakeExchange.Calls.Add("Enable-TransportAgent $TransportService")
    }

    Mock Disable-TransportAgent {
        Get-FakeAgent -Identity $Identity -TransportService $TransportService | ForEach-Object { $_.Enabled = $false }
        $global:FakeExchange.Calls.Add("Disable-TransportAgent $TransportService")
    }

    Mock Set-TransportAgent {
        Get-FakeAgent -Identity $Identity -TransportService $TransportService | ForEach-Object { $_.Priority = $Priority }
        $global:FakeExchange.Calls.Add("Set-TransportAgent $TransportService $Priority")
    }

    Mock Uninstall-TransportAgent {
        foreach ($agent in @(Get-FakeAgent -Identity $Identity -TransportService $TransportService))
        {
            $global:FakeExchange.Agents.Remove($agent) | Out-Null
        }

        $global:FakeExchange.Calls.Add("Uninstall-TransportAgent $TransportService")
    }

    Mock Get-Service {
        foreach ($serviceName in $Name)
        {
            if ($global:FakeExchange.Services.ContainsKey($serviceName))
            {
                [pscustomobject]@{ Name = $serviceName; Status = $global:FakeExchange.Services[$serviceName] }
            }
        }
    }

    Mock Restart-Service {
        $global:FakeExchange.Services[$Name[0]] = 'Running'
        $global:FakeExchange.Calls.Add("Restart-Service $Name")
    }

    Mock Stop-Service {
        $global:FakeExchange.Services[$Name[0]] = 'Stopped'
        $global:FakeExchange.Calls.Add("Stop-Service $Name")
    }

    Mock Start-Service {
        $global:FakeExchange.Services[$Name[0]] = 'Running'
        $global:FakeExchange.Calls.Add("Start-Service $Name")
    }

    Mock Test-Path -ParameterFilter { $LiteralPath -like 'HKLM:*' } { $global:FakeExchange.EventSource }

    Mock New-EventLog {
        $global:FakeExchange.EventSource = $true
        $global:FakeExchange.Calls.Add("New-EventLog $LogName $Source")
    }

    Mock Remove-EventLog {
        $global:FakeExchange.EventSource = $false
        $global:FakeExchange.Calls.Add("Remove-EventLog $Source")
    }

    Mock icacls.exe {
        $global:LASTEXITCODE = $global:FakeExchange.IcaclsExitCode
        $global:FakeExchange.Calls.Add("icacls $($Arguments -join ' ')")
        if ($global:LASTEXITCODE -ne 0)
        {
            'Access is denied.'
        }
    }

    Mock Unblock-File {
        $global:FakeExchange.Calls.Add("Unblock-File $(($LiteralPath | ForEach-Object { Split-Path -Path $_ -Leaf }) -join ',')")
    }

    Mock Copy-Item {
        $global:FakeExchange.Calls.Add("Copy-Item $(Split-Path -Path $LiteralPath[0] -Leaf)")
        # Pester also mocks the module-qualified name, so the real cmdlet is invoked through its CmdletInfo.
        $copyItem = $ExecutionContext.InvokeCommand.GetCmdlet('Microsoft.PowerShell.Management\Copy-Item')
        & $copyItem @PesterBoundParameters
    }

    Mock Get-ReceiveConnector {
        if ($Server)
        {
            return @($global:FakeExchange.Connectors | Where-Object { $_.Identity -like "$Server\*" })
        }

        $found = @($global:FakeExchange.Connectors | Where-Object { $_.Identity -eq $Identity -or $_.Name -eq $Identity })
        if ($found.Count -eq 0)
        {
            throw "The operation couldn't be performed because object '$Identity' couldn't be found."
        }

        $found
    }
}

function Get-FakeAgent
{
    param([string] $Identity, [string] $TransportService)

    @($global:FakeExchange.Agents | Where-Object { $_.Identity -eq $Identity -and $_.TransportService -eq $TransportService })
}

function Reset-FakeExchange
{
    <#
    .SYNOPSIS
    Restores the environment variables that Initialize-FakeExchange changed.
    #>
    foreach ($name in $global:FakeEnvironment.Keys)
    {
        [System.Environment]::SetEnvironmentVariable($name, $global:FakeEnvironment[$name])
    }

    Remove-Variable -Name FakeExchange, FakeEnvironment -Scope Global -ErrorAction SilentlyContinue
}

function Get-FakeCall
{
    <#
    .SYNOPSIS
    Returns the recorded state-changing calls whose text starts with one of the given command names.
    #>
    param([Parameter(Mandatory)] [string[]] $Command)

    @($global:FakeExchange.Calls | Where-Object { $call = $_; @($Command | Where-Object { $call.StartsWith("$_ ") }).Count -gt 0 })
}
