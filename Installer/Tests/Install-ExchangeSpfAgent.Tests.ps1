BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSupport.ps1')
    $script:Install = Join-Path -Path $script:InstallerRoot -ChildPath 'Install-ExchangeSpfAgent.ps1'
}

Describe 'Install-ExchangeSpfAgent' {
    BeforeEach {
        Initialize-FakeExchange
        $script:Root = $global:FakeExchange.Root
        $script:Source = New-FakePackage -Path (Join-Path -Path $script:Root -ChildPath 'package/Agent')
        $script:Target = Join-Path -Path $script:Root -ChildPath 'Agent'
        $script:AssemblyPath = Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.dll'
    }

    AfterEach {
        Reset-FakeExchange
    }

    Context 'on the <Service> transport service' -ForEach @(
        @{ Service = 'FrontEnd'; ServiceName = 'MSExchangeFrontEndTransport' }
        @{ Service = 'Hub'; ServiceName = 'MSExchangeTransport' }
        @{ Service = 'Edge'; ServiceName = 'MSExchangeTransport' }
    ) {
        It 'registers, enables and restarts' {
            $status = & $script:Install -TransportService $Service -Path $script:Target -SourcePath $script:Source

            Should -Invoke Install-TransportAgent -Times 1 -Exactly -ParameterFilter {
                $Name -eq 'ExchangeSpfAgent' -and
                $TransportAgentFactory -eq 'ExchangeSpfAgent.Transport.SpfAgentFactory' -and
                $AssemblyPath -eq $script:AssemblyPath -and
                $TransportService -eq $Service
            }
            Should -Invoke Enable-TransportAgent -Times 1 -Exactly -ParameterFilter {
                $Identity -eq 'ExchangeSpfAgent' -and $TransportService -eq $Service
            }
            Should -Invoke Restart-Service -Times 1 -Exactly -ParameterFilter { $Name -eq $ServiceName }
            Should -Invoke Get-TransportAgent -ParameterFilter { $TransportService -eq $Service }
            Should -Invoke Set-TransportAgent -Times 0 -Exactly
            $global:FakeExchange.Calls | Should -Be @(
                'Copy-Item DnsClient.dll', 'Copy-Item ExchangeSpfAgent.config.xml', 'Copy-Item ExchangeSpfAgent.dll', 'Copy-Item NLog.dll'
                'Unblock-File DnsClient.dll,ExchangeSpfAgent.config.xml,ExchangeSpfAgent.dll,NLog.dll'
                "icacls $script:Target /grant *S-1-5-20:(OI)(CI)RX"
                "icacls $(Join-Path -Path $script:Target -ChildPath 'Logs') /grant *S-1-5-20:(OI)(CI)M"
                'New-EventLog Application ExchangeSpfAgent'
                "Install-TransportAgent $Service"
                "Enable-TransportAgent $Service"
                "Restart-Service $ServiceName"
            )
            $status.TransportService | Should -Be $Service
            $status.Enabled | Should -BeTrue
            $status.ServiceName | Should -Be $ServiceName
        }

        It 'sets the priority' {
            & $script:Install -TransportService $Service -Path $script:Target -SourcePath $script:Source -Priority 1 | Out-Null

            Should -Invoke Set-TransportAgent -Times 1 -Exactly -ParameterFilter {
                $Identity -eq 'ExchangeSpfAgent' -and $Priority -eq 1 -and $TransportService -eq $Service
            }
        }
    }

    It 'installs FrontEnd and Hub together' {
        $status = @(& $script:Install -TransportService FrontEnd, Hub -Path $script:Target -SourcePath $script:Source)

        Should -Invoke Install-TransportAgent -Times 2 -Exactly
        Get-FakeCall -Command 'Restart-Service' | Should -Be @('Restart-Service MSExchangeFrontEndTransport', 'Restart-Service MSExchangeTransport')
        $status.Count | Should -Be 2
    }

    It 'copies the package into the folder' {
        & $script:Install -Path $script:Target -SourcePath $script:Source | Out-Null

        foreach ($name in 'ExchangeSpfAgent.dll', 'NLog.dll', 'DnsClient.dll', 'ExchangeSpfAgent.config.xml')
        {
            Join-Path -Path $script:Target -ChildPath $name | Should -Exist
        }

        Join-Path -Path $script:Target -ChildPath 'Logs' | Should -Exist
        Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.config.default.xml' | Should -Not -Exist
    }

    It 'defaults to Program Files' {
        & $script:Install -SourcePath $script:Source | Out-Null

        $expected = Join-Path -Path (Join-Path -Path $env:ProgramFiles -ChildPath 'ExchangeSpfAgent') -ChildPath 'ExchangeSpfAgent.dll'
        $expected | Should -Exist
        Should -Invoke Install-TransportAgent -Times 1 -Exactly -ParameterFilter { $AssemblyPath -eq $expected }
    }

    It 'keeps an existing configuration' {
        New-Item -ItemType Directory -Path $script:Target | Out-Null
        $configurationPath = Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.config.xml'
        Set-Content -LiteralPath $configurationPath -Value '<ExchangeSpfAgent><Mode>LogOnly</Mode></ExchangeSpfAgent>'

        & $script:Install -Path $script:Target -SourcePath $script:Source | Out-Null

        Get-Content -LiteralPath $configurationPath -Raw | Should -Match '<Mode>LogOnly</Mode>'
        $default = Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.config.default.xml'
        (Get-FileHash -LiteralPath $default).Hash | Should -Be (Get-FileHash -LiteralPath $script:ShippedConfigurationPath).Hash
    }

    It 'log folder from the configuration' {
        New-Item -ItemType Directory -Path $script:Target | Out-Null
        $logs = Join-Path -Path $script:Root -ChildPath 'SpfLogs'
        Set-Content -LiteralPath (Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.config.xml') `
            -Value "<ExchangeSpfAgent><Logging><Folder>$logs</Folder></Logging></ExchangeSpfAgent>"

        & $script:Install -Path $script:Target -SourcePath $script:Source | Out-Null

        $logs | Should -Exist
        Get-FakeCall -Command 'icacls' | Should -Contain "icacls $logs /grant *S-1-5-20:(OI)(CI)M"
    }

    It 'WhatIf changes nothing' {
        & $script:Install -Path $script:Target -SourcePath $script:Source -Priority 2 -WhatIf

        $script:Target | Should -Not -Exist
        $global:FakeExchange.Calls | Should -BeNullOrEmpty
        Should -Invoke Install-TransportAgent -Times 0 -Exactly
        Should -Invoke Enable-TransportAgent -Times 0 -Exactly
        Should -Invoke Set-TransportAgent -Times 0 -Exactly
        Should -Invoke Restart-Service -Times 0 -Exactly
        Should -Invoke New-EventLog -Times 0 -Exactly
        Should -Invoke icacls.exe -Times 0 -Exactly
        Should -Invoke Unblock-File -Times 0 -Exactly
    }

    It 'rerun changes nothing' {
        & $script:Install -Path $script:Target -SourcePath $script:Source -Priority 1 | Out-Null
        $configurationPath = Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.config.xml'
        $hash = (Get-FileHash -LiteralPath $configurationPath).Hash
        $global:FakeExchange.Calls.Clear()

        $status = & $script:Install -Path $script:Target -SourcePath $script:Source -Priority 1

        Get-FakeCall -Command 'Copy-Item', 'Unblock-File', 'Install-TransportAgent', 'Enable-TransportAgent', 'Set-TransportAgent', 'Restart-Service', 'New-EventLog' |
            Should -BeNullOrEmpty
        (Get-FileHash -LiteralPath $configurationPath).Hash | Should -Be $hash
        $status.Enabled | Should -BeTrue
        $status.Priority | Should -Be 1
    }

    It 'NoEnable registers only' {
        $status = & $script:Install -Path $script:Target -SourcePath $script:Source -NoEnable

        Should -Invoke Install-TransportAgent -Times 1 -Exactly
        Should -Invoke Enable-TransportAgent -Times 0 -Exactly
        Should -Invoke Restart-Service -Times 0 -Exactly
        $status.Enabled | Should -BeFalse
    }

    It 'NoRestart warns instead' {
        $warnings = @()
        & $script:Install -Path $script:Target -SourcePath $script:Source -NoRestart -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        Should -Invoke Restart-Service -Times 0 -Exactly
        ($warnings -join ' ') | Should -Match 'Restart-Service MSExchangeFrontEndTransport'
    }

    It 'skips contract assemblies' {
        Set-Content -LiteralPath (Join-Path -Path $script:Source -ChildPath 'Microsoft.Exchange.Data.Transport.dll') -Value 'contract'

        & $script:Install -Path $script:Target -SourcePath $script:Source -WarningAction SilentlyContinue | Out-Null

        Join-Path -Path $script:Target -ChildPath 'Microsoft.Exchange.Data.Transport.dll' | Should -Not -Exist
    }

    It 'rejects an unsupported build' -ForEach @(
        @{ Build = '15.1.2375.7'; Expected = '*Exchange Server 2016 needs CU23 (15.1.2507.6)*' }
        @{ Build = '15.0.1473.3'; Expected = '*Exchange Server 2013 needs CU23 (15.0.1497.2)*' }
        @{ Build = '15.2.1044.4'; Expected = '*needs 2019 CU12 (15.2.1118.7)*' }
        @{ Build = '14.3.513.0'; Expected = '*build 14.3.513.0 is not supported*' }
    ) {
        $global:FakeExchange.Build = [version]$Build

        { & $script:Install -Path $script:Target -SourcePath $script:Source } | Should -Throw -ExpectedMessage $Expected

        $script:Target | Should -Not -Exist
        Should -Invoke Install-TransportAgent -Times 0 -Exactly
    }

    It 'accepts Subscription Edition' {
        $global:FakeExchange.Build = [version]'15.2.2562.17'

        & $script:Install -Path $script:Target -SourcePath $script:Source | Out-Null

        Should -Invoke Install-TransportAgent -Times 1 -Exactly
    }

    It 'warns on a newer version' {
        $global:FakeExchange.Build = [version]'15.3.100.1'
        $warnings = @()

        & $script:Install -Path $script:Target -SourcePath $script:Source -WarningVariable warnings -WarningAction SilentlyContinue | Out-Null

        ($warnings -join ' ') | Should -Match 'newer than the versions'
        Should -Invoke Install-TransportAgent -Times 1 -Exactly
    }

    It 'requires an Exchange server' {
        $env:ExchangeInstallPath = ''

        { & $script:Install -Path $script:Target -SourcePath $script:Source } | Should -Throw -ExpectedMessage '*Exchange is not installed on this computer*'
    }

    It 'loads the snap-in for FrontEnd' {
        $global:FakeExchange.SnapinLoaded = $false

        & $script:Install -Path $script:Target -SourcePath $script:Source | Out-Null

        Should -Invoke Add-PSSnapin -Times 1 -Exactly -ParameterFilter { $Name -eq 'Microsoft.Exchange.Management.PowerShell.SnapIn' }
    }

    It 'reports a missing snap-in' {
        $global:FakeExchange.SnapinLoaded = $false
        $global:FakeExchange.SnapinAvailable = $false

        { & $script:Install -Path $script:Target -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage '*Exchange management snap-in could not be loaded*Windows PowerShell 5.1*'

        Should -Invoke Add-PSSnapin -Times 2 -Exactly
        $script:Target | Should -Not -Exist
        Should -Invoke Install-TransportAgent -Times 0 -Exactly
    }

    It 'Hub uses the shell cmdlets' {
        $global:FakeExchange.SnapinLoaded = $false
        $global:FakeExchange.SnapinAvailable = $false

        & $script:Install -TransportService Hub -Path $script:Target -SourcePath $script:Source | Out-Null

        Should -Invoke Add-PSSnapin -Times 0 -Exactly
        Should -Invoke Install-TransportAgent -Times 1 -Exactly
    }

    It 'reports a failed registration' {
        $global:FakeExchange.InstallError = "The TransportAgentFactory type 'ExchangeSpfAgent.Transport.SpfAgentFactory' doesn't exist."

        { & $script:Install -Path $script:Target -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage "*Install-TransportAgent failed for the FrontEnd transport service: The TransportAgentFactory type*doesn't exist.*Unblock-File*"

        Should -Invoke Enable-TransportAgent -Times 0 -Exactly
        Should -Invoke Restart-Service -Times 0 -Exactly
    }

    It 'reports an agent left disabled' {
        Mock Enable-TransportAgent { }

        { & $script:Install -Path $script:Target -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage '*registered but disabled*Enable-TransportAgent*'
    }

    It 'reports a failed icacls' {
        $global:FakeExchange.IcaclsExitCode = 5

        { & $script:Install -Path $script:Target -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage '*icacls could not grant NETWORK SERVICE read access*exit code 5*Access is denied.*'

        Should -Invoke Install-TransportAgent -Times 0 -Exactly
    }

    It 'reports a failed <Command>' -ForEach @(
        @{ Command = 'Get-Item'; Filter = { $LiteralPath -like '*ExSetup.exe' }; Expected = '*Exchange build could not be read from*ExSetup.exe*Simulated failure.*' }
        @{ Command = 'Get-TransportAgent'; Filter = $null; Expected = '*Get-TransportAgent -TransportService FrontEnd failed: Simulated failure.*' }
        @{ Command = 'Copy-Item'; Filter = $null; Expected = '*Copying*failed: Simulated failure.*Update-ExchangeSpfAgent.ps1 stops the services*' }
        @{ Command = 'Unblock-File'; Filter = $null; Expected = '*Unblocking the files in*failed: Simulated failure.*Unblock-File*' }
        @{ Command = 'New-EventLog'; Filter = $null; Expected = "*event source 'ExchangeSpfAgent' could not be created: Simulated failure.*administrator*" }
        @{ Command = 'Enable-TransportAgent'; Filter = $null; Expected = "*Enable-TransportAgent 'ExchangeSpfAgent' failed*Simulated failure.*Enable it by hand*" }
        @{ Command = 'Set-TransportAgent'; Filter = $null; Expected = '*-Priority 1 failed*Simulated failure.*between 1 and the number of agents*' }
        @{ Command = 'Restart-Service'; Filter = $null; Expected = '*Restarting the service MSExchangeFrontEndTransport failed: Simulated failure.*events 1052 to 1054*' }
    ) {
        $mockParameters = @{ CommandName = $Command; MockWith = { throw 'Simulated failure.' } }
        if ($null -ne $Filter)
        {
            $mockParameters['ParameterFilter'] = $Filter
        }

        Mock @mockParameters

        { & $script:Install -Path $script:Target -SourcePath $script:Source -Priority 1 } | Should -Throw -ExpectedMessage $Expected
    }

    It 'reports a registration from elsewhere' {
        Mock Install-TransportAgent {
            $global:FakeExchange.Agents.Add([pscustomobject]@{
                    Identity = $Name; TransportService = $TransportService; Enabled = $false; Priority = 1
                    AssemblyPath = '/elsewhere/ExchangeSpfAgent.dll'
                })
        }

        { & $script:Install -Path $script:Target -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage "*loads 'ExchangeSpfAgent' from '/elsewhere/ExchangeSpfAgent.dll', not from*"
    }

    It 'rejects another registered path' {
        $global:FakeExchange.Agents.Add([pscustomobject]@{
                Identity = 'ExchangeSpfAgent'; TransportService = 'FrontEnd'; Enabled = $true; Priority = 1
                AssemblyPath = (Join-Path -Path $script:Root -ChildPath 'Elsewhere/ExchangeSpfAgent.dll')
            })

        { & $script:Install -Path $script:Target -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage '*already registered in the FrontEnd transport service from*Elsewhere*'

        $script:Target | Should -Not -Exist
    }

    It 'sends changed files to Update' {
        & $script:Install -Path $script:Target -SourcePath $script:Source | Out-Null
        New-FakePackage -Path $script:Source -Version '2.0' | Out-Null

        { & $script:Install -Path $script:Target -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage '*already installed*DnsClient.dll, ExchangeSpfAgent.dll, NLog.dll*Update-ExchangeSpfAgent.ps1*'
    }

    It 'rejects Edge with FrontEnd' {
        { & $script:Install -TransportService Edge, FrontEnd -Path $script:Target -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage "*Edge cannot be combined with 'FrontEnd'*"
    }

    It 'rejects a folder without the agent' {
        Remove-Item -LiteralPath (Join-Path -Path $script:Source -ChildPath 'ExchangeSpfAgent.dll')

        { & $script:Install -Path $script:Target -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage '*ExchangeSpfAgent.dll*was not found*-SourcePath*'
    }

    Context 'with ReceiveConnector' {
        BeforeEach {
            $global:FakeExchange.Connectors = @(
                New-FakeConnector -Name 'From appliance' -Bindings '192.0.2.25:25' -RemoteIPRanges '198.51.100.10', '198.51.100.11'
                New-FakeConnector -Name 'Default Frontend EX01' -Bindings '0.0.0.0:25', '[::]:25'
            )
        }

        It 'writes the connector scope' {
            & $script:Install -Path $script:Target -SourcePath $script:Source -ReceiveConnector 'From appliance' -TrustConnectorRemoteIPRanges | Out-Null

            [xml] $configuration = Get-Content -LiteralPath (Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.config.xml') -Raw
            @($configuration.ExchangeSpfAgent.Scope.ConnectorBindings.Binding) | Should -Be @('192.0.2.25:25')
            @($configuration.ExchangeSpfAgent.Origin.TrustedRelays.Range) | Should -Be @('198.51.100.10', '198.51.100.11')
        }

        It 'WhatIf writes no scope' {
            & $script:Install -Path $script:Target -SourcePath $script:Source -ReceiveConnector 'From appliance' -WhatIf

            $script:Target | Should -Not -Exist
            Should -Invoke Get-ReceiveConnector -ParameterFilter { $Identity -eq 'From appliance' }
        }

        It 'TrustConnectorRemoteIPRanges needs connectors' {
            { & $script:Install -Path $script:Target -SourcePath $script:Source -TrustConnectorRemoteIPRanges } |
                Should -Throw -ExpectedMessage '*needs -ReceiveConnector*'
        }
    }
}
