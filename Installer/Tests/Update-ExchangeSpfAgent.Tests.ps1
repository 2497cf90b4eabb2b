BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSupport.ps1')
    $script:Update = Join-Path -Path $script:InstallerRoot -ChildPath 'Update-ExchangeSpfAgent.ps1'

    function Install-TestAgent
    {
        <# Installs version 1.0 with an edited configuration and a log file, then stages version 2.0 as the package. #>
        param([string[]] $TransportService = @('FrontEnd'))

        $install = Join-Path -Path $script:InstallerRoot -ChildPath 'Install-ExchangeSpfAgent.ps1'
        & $install -TransportService $TransportService -Path $script:Target -SourcePath $script:Source | Out-Null
        Set-Content -LiteralPath $script:ConfigurationPath -Value '<ExchangeSpfAgent><Mode>LogOnly</Mode></ExchangeSpfAgent>'
        Set-Content -LiteralPath $script:LogPath -Value 'decisions'
        New-FakePackage -Path $script:Source -Version '2.0' | Out-Null
        $global:FakeExchange.Calls.Clear()
    }
}

Describe 'Update-ExchangeSpfAgent' {
    BeforeEach {
        Initialize-FakeExchange
        $script:Root = $global:FakeExchange.Root
        $script:Source = New-FakePackage -Path (Join-Path -Path $script:Root -ChildPath 'package/Agent')
        $script:Target = Join-Path -Path $script:Root -ChildPath 'Agent'
        $script:ConfigurationPath = Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.config.xml'
        $script:LogPath = Join-Path -Path $script:Target -ChildPath 'Logs/Decision_20240501.log'
    }

    AfterEach {
        Reset-FakeExchange
    }

    It 'replaces the files of <Service>' -ForEach @(
        @{ Service = 'FrontEnd'; ServiceName = 'MSExchangeFrontEndTransport' }
        @{ Service = 'Hub'; ServiceName = 'MSExchangeTransport' }
        @{ Service = 'Edge'; ServiceName = 'MSExchangeTransport' }
    ) {
        Install-TestAgent -TransportService $Service

        $status = & $script:Update -TransportService $Service -SourcePath $script:Source

        $global:FakeExchange.Calls | Should -Be @(
            "Stop-Service $ServiceName"
            'Copy-Item DnsClient.dll', 'Copy-Item ExchangeSpfAgent.config.xml', 'Copy-Item ExchangeSpfAgent.dll', 'Copy-Item NLog.dll'
            'Unblock-File DnsClient.dll,ExchangeSpfAgent.config.default.xml,ExchangeSpfAgent.dll,NLog.dll'
            "Start-Service $ServiceName"
        )
        Get-Content -LiteralPath (Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.dll') | Should -Be 'ExchangeSpfAgent.dll 2.0'
        $status.Registered | Should -BeTrue
        $status.ServiceStatus | Should -Be 'Running'
        Should -Invoke Get-TransportAgent -ParameterFilter { $TransportService -eq $Service }
        Should -Invoke Install-TransportAgent -Times 1 -Exactly
    }

    It 'keeps configuration and logs' {
        Install-TestAgent

        & $script:Update -SourcePath $script:Source | Out-Null

        Get-Content -LiteralPath $script:ConfigurationPath -Raw | Should -Match '<Mode>LogOnly</Mode>'
        Get-Content -LiteralPath $script:LogPath | Should -Be 'decisions'
        $default = Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.config.default.xml'
        (Get-FileHash -LiteralPath $default).Hash | Should -Be (Get-FileHash -LiteralPath $script:ShippedConfigurationPath).Hash
    }

    It 'stops both services of a Mailbox server' {
        Install-TestAgent -TransportService FrontEnd, Hub

        & $script:Update -TransportService FrontEnd, Hub -SourcePath $script:Source | Out-Null

        Get-FakeCall -Command 'Stop-Service', 'Start-Service' | Should -Be @(
            'Stop-Service MSExchangeFrontEndTransport', 'Stop-Service MSExchangeTransport'
            'Start-Service MSExchangeFrontEndTransport', 'Start-Service MSExchangeTransport'
        )
    }

    It 'up to date stops nothing' {
        Install-TestAgent
        & $script:Update -SourcePath $script:Source | Out-Null
        $global:FakeExchange.Calls.Clear()

        & $script:Update -SourcePath $script:Source | Out-Null

        $global:FakeExchange.Calls | Should -BeNullOrEmpty
    }

    It 'WhatIf changes nothing' {
        Install-TestAgent

        & $script:Update -SourcePath $script:Source -WhatIf

        $global:FakeExchange.Calls | Should -BeNullOrEmpty
        Get-Content -LiteralPath (Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.dll') | Should -Be 'ExchangeSpfAgent.dll 1.0'
        Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.config.default.xml' | Should -Not -Exist
    }

    It 'leaves a stopped service stopped' {
        Install-TestAgent
        $global:FakeExchange.Services['MSExchangeFrontEndTransport'] = 'Stopped'

        & $script:Update -SourcePath $script:Source -WarningAction SilentlyContinue | Out-Null

        Should -Invoke Stop-Service -Times 0 -Exactly
        Should -Invoke Start-Service -Times 0 -Exactly
        Get-Content -LiteralPath (Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.dll') | Should -Be 'ExchangeSpfAgent.dll 2.0'
    }

    It 'starts the service after a failed copy' {
        Install-TestAgent
        Mock Copy-Item { throw 'The process cannot access the file because it is being used by another process.' }

        { & $script:Update -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage '*being used by another process*'

        Should -Invoke Start-Service -Times 1 -Exactly -ParameterFilter { $Name -eq 'MSExchangeFrontEndTransport' }
        $global:FakeExchange.Services['MSExchangeFrontEndTransport'] | Should -Be 'Running'
    }

    It 'reports a service that fails to start' {
        Install-TestAgent
        Mock Start-Service { throw 'Service cannot be started.' }

        { & $script:Update -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage '*MSExchangeFrontEndTransport: Service cannot be started.*MSExchange Extensibility*'
    }

    It 'reports a service that fails to stop' {
        Install-TestAgent
        Mock Stop-Service { throw 'Cannot stop service.' }

        { & $script:Update -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage '*Stopping the service MSExchangeFrontEndTransport failed: Cannot stop service.*No file was replaced*'

        Get-Content -LiteralPath (Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.dll') | Should -Be 'ExchangeSpfAgent.dll 1.0'
    }

    It 'reports a missing service' {
        Install-TestAgent
        $global:FakeExchange.Services.Remove('MSExchangeFrontEndTransport')

        { & $script:Update -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage '*service MSExchangeFrontEndTransport was not found*-TransportService*'

        Get-Content -LiteralPath (Join-Path -Path $script:Target -ChildPath 'ExchangeSpfAgent.dll') | Should -Be 'ExchangeSpfAgent.dll 1.0'
    }

    It 'restarts the first service when the second fails' {
        Install-TestAgent -TransportService FrontEnd, Hub
        Mock Stop-Service -ParameterFilter { $Name -eq 'MSExchangeTransport' } { throw 'Cannot stop service.' }

        { & $script:Update -TransportService FrontEnd, Hub -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage '*Stopping the service MSExchangeTransport failed*'

        Get-FakeCall -Command 'Stop-Service', 'Start-Service' | Should -Be @(
            'Stop-Service MSExchangeFrontEndTransport', 'Start-Service MSExchangeFrontEndTransport'
        )
    }

    It 'requires an installed agent' {
        { & $script:Update -SourcePath $script:Source } |
            Should -Throw -ExpectedMessage "*'ExchangeSpfAgent' is not registered in the FrontEnd transport service*Install-ExchangeSpfAgent.ps1*"
    }

    It 'rejects another folder' {
        Install-TestAgent

        { & $script:Update -SourcePath $script:Source -Path (Join-Path -Path $script:Root -ChildPath 'Other') } |
            Should -Throw -ExpectedMessage '*loads the agent from*not from*'
    }

    It 'rejects an unsupported build' {
        Install-TestAgent
        $global:FakeExchange.Build = [version]'15.1.2375.7'

        { & $script:Update -SourcePath $script:Source } | Should -Throw -ExpectedMessage '*is not supported*'

        Should -Invoke Stop-Service -Times 0 -Exactly
    }
}
