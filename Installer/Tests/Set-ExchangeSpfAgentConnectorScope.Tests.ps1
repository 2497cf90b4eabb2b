BeforeAll {
    . (Join-Path -Path $PSScriptRoot -ChildPath 'TestSupport.ps1')
    $script:SetScope = Join-Path -Path $script:InstallerRoot -ChildPath 'Set-ExchangeSpfAgentConnectorScope.ps1'

    function Get-TestConfiguration
    {
        [xml] $document = Get-Content -LiteralPath $script:ConfigurationPath -Raw
        $document.ExchangeSpfAgent
    }

    function Get-ListValue
    {
        param([string] $XPath)

        [xml] $document = Get-Content -LiteralPath $script:ConfigurationPath -Raw
        @($document.SelectNodes($XPath) | ForEach-Object { $_.InnerText })
    }
}

Describe 'Set-ExchangeSpfAgentConnectorScope' {
    BeforeEach {
        Initialize-FakeExchange
        $script:Agent = Join-Path -Path $global:FakeExchange.Root -ChildPath 'Agent'
        New-FakePackage -Path $script:Agent | Out-Null
        $script:ConfigurationPath = Join-Path -Path $script:Agent -ChildPath 'ExchangeSpfAgent.config.xml'
        $global:FakeExchange.Connectors = @(
            New-FakeConnector -Name 'From appliance' -Bindings '192.0.2.25:25', '[2001:db8::25]:25' -RemoteIPRanges '198.51.100.10', '198.51.100.16-198.51.100.23'
            New-FakeConnector -Name 'Default Frontend EX01' -Bindings '0.0.0.0:25', '[::]:25'
            New-FakeConnector -Name 'Client Proxy EX01' -Bindings '0.0.0.0:465' -TransportRole 'HubTransport'
            New-FakeConnector -Server 'EX02' -Name 'From appliance' -Bindings '192.0.2.26:25' -RemoteIPRanges '198.51.100.10'
            New-FakeConnector -Name 'Partner' -Bindings '0.0.0.0:2526' -RemoteIPRanges '203.0.113.0-203.0.113.255' -Deserialized
        )
    }

    AfterEach {
        Reset-FakeExchange
    }

    It 'writes the bindings of a connector' {
        $result = @(& $script:SetScope -Path $script:Agent -ReceiveConnector 'EX01\From appliance')

        Get-ListValue '/ExchangeSpfAgent/Scope/ConnectorBindings/Binding' | Should -Be @('192.0.2.25:25', '[2001:db8::25]:25')
        Get-ListValue '/ExchangeSpfAgent/Origin/TrustedRelays/Range' | Should -BeNullOrEmpty
        $result.Count | Should -Be 1
        $result[0].Identity | Should -Be 'EX01\From appliance'
        $result[0].Included | Should -BeTrue
        $result[0].Bindings | Should -Be @('192.0.2.25:25', '[2001:db8::25]:25')
    }

    It 'keeps the rest of the file' {
        & $script:SetScope -Path $script:Agent -ReceiveConnector 'EX01\From appliance' | Out-Null

        $written = Get-Content -LiteralPath $script:ConfigurationPath -Raw
        $shipped = Get-Content -LiteralPath $script:ShippedConfigurationPath -Raw
        $block = "<ConnectorBindings>\s*<Binding>192\.0\.2\.25:25</Binding>\s*<Binding>\[2001:db8::25\]:25</Binding>\s*</ConnectorBindings>"
        ($written -replace $block, '<ConnectorBindings/>') -replace '\r', '' |
            Should -Be (($shipped -replace '<ConnectorBindings>\s*</ConnectorBindings>', '<ConnectorBindings/>') -replace '\r', '')
    }

    It 'indents the new items' {
        & $script:SetScope -Path $script:Agent -ReceiveConnector 'EX01\From appliance' | Out-Null

        $lines = @((Get-Content -LiteralPath $script:ConfigurationPath) | Where-Object { $_ -match 'ConnectorBindings>|<Binding>' -and $_ -notmatch '<!--' })
        $indent = $lines[0].Substring(0, $lines[0].IndexOf('<'))
        $lines | Should -Be @(
            "$indent<ConnectorBindings>"
            "$indent  <Binding>192.0.2.25:25</Binding>"
            "$indent  <Binding>[2001:db8::25]:25</Binding>"
            "$indent</ConnectorBindings>"
        )
    }

    It 'trusts the remote IP ranges' {
        & $script:SetScope -Path $script:Agent -ReceiveConnector 'EX01\From appliance' -TrustRemoteIPRanges | Out-Null

        Get-ListValue '/ExchangeSpfAgent/Origin/TrustedRelays/Range' | Should -Be @('198.51.100.10', '198.51.100.16/29')
    }

    It 'reads deserialized connectors' {
        & $script:SetScope -Path $script:Agent -ReceiveConnector 'Partner' -TrustRemoteIPRanges | Out-Null

        Get-ListValue '/ExchangeSpfAgent/Scope/ConnectorBindings/Binding' | Should -Be @('0.0.0.0:2526')
        Get-ListValue '/ExchangeSpfAgent/Origin/TrustedRelays/Range' | Should -Be @('203.0.113.0/24')
    }

    It 'combines several connectors' {
        & $script:SetScope -Path $script:Agent -ReceiveConnector 'EX01\From appliance', 'Partner', 'EX01\From appliance' -TrustRemoteIPRanges | Out-Null

        Get-ListValue '/ExchangeSpfAgent/Scope/ConnectorBindings/Binding' | Should -Be @('192.0.2.25:25', '[2001:db8::25]:25', '0.0.0.0:2526')
        Get-ListValue '/ExchangeSpfAgent/Origin/TrustedRelays/Range' | Should -Be @('198.51.100.10', '198.51.100.16/29', '203.0.113.0/24')
    }

    It 'rejects a connector open to all' {
        $before = (Get-FileHash -LiteralPath $script:ConfigurationPath).Hash

        { & $script:SetScope -Path $script:Agent -ReceiveConnector 'Default Frontend EX01' -TrustRemoteIPRanges } |
            Should -Throw -ExpectedMessage "*'EX01\Default Frontend EX01' accepts every address (0.0.0.0-255.255.255.255)*Nothing was changed.*"

        (Get-FileHash -LiteralPath $script:ConfigurationPath).Hash | Should -Be $before
    }

    It 'explains a connector on another server' {
        $result = @(& $script:SetScope -Path $script:Agent -ReceiveConnector 'From appliance')

        Get-ListValue '/ExchangeSpfAgent/Scope/ConnectorBindings/Binding' | Should -Be @('192.0.2.25:25', '[2001:db8::25]:25')
        $remote = $result | Where-Object { $_.Server -eq 'EX02' }
        $remote.Included | Should -BeFalse
        $remote.Note | Should -BeLike '*on server EX02*run the script on EX02*'
    }

    It 'rejects only remote connectors' {
        $before = (Get-FileHash -LiteralPath $script:ConfigurationPath).Hash

        { & $script:SetScope -Path $script:Agent -ReceiveConnector 'EX02\From appliance' } |
            Should -Throw -ExpectedMessage '*None of the receive connectors*is on EX01*every connector, so nothing was changed*'

        (Get-FileHash -LiteralPath $script:ConfigurationPath).Hash | Should -Be $before
    }

    It 'explains a shared 0.0.0.0 binding' {
        $result = @(& $script:SetScope -Path $script:Agent -ReceiveConnector 'Default Frontend EX01')

        Get-ListValue '/ExchangeSpfAgent/Scope/ConnectorBindings/Binding' | Should -Be @('0.0.0.0:25', '[::]:25')
        $result[0].Note | Should -BeLike '*Binding 0.0.0.0:25 matches every local address on that port.*'
        $result[0].Note | Should -BeLike "*also matches the sessions of 'EX01\From appliance' (192.0.2.25:25)*"
        $result[0].Note | Should -Not -BeLike '*Client Proxy*'
    }

    It 'explains a disabled connector' {
        $global:FakeExchange.Connectors += New-FakeConnector -Name 'Old relay' -Bindings '192.0.2.99:25' -Enabled $false

        $result = @(& $script:SetScope -Path $script:Agent -ReceiveConnector 'Old relay')

        $result[0].Note | Should -BeLike '*disabled*'
        Get-ListValue '/ExchangeSpfAgent/Scope/ConnectorBindings/Binding' | Should -Be @('192.0.2.99:25')
    }

    It 'reports an unknown connector' {
        { & $script:SetScope -Path $script:Agent -ReceiveConnector 'Nope' } |
            Should -Throw -ExpectedMessage "*receive connector 'Nope' was not found*Get-ReceiveConnector -Server EX01*"
    }

    It 'WhatIf shows and writes nothing' {
        $before = (Get-FileHash -LiteralPath $script:ConfigurationPath).Hash
        Mock Move-Item { }

        $result = @(& $script:SetScope -Path $script:Agent -ReceiveConnector 'EX01\From appliance' -TrustRemoteIPRanges -WhatIf)

        (Get-FileHash -LiteralPath $script:ConfigurationPath).Hash | Should -Be $before
        Should -Invoke Move-Item -Times 0 -Exactly
        $result[0].Bindings | Should -Be @('192.0.2.25:25', '[2001:db8::25]:25')
        "$($script:ConfigurationPath).tmp" | Should -Not -Exist
    }

    It 'rerun writes nothing' {
        & $script:SetScope -Path $script:Agent -ReceiveConnector 'EX01\From appliance' -TrustRemoteIPRanges | Out-Null
        Mock Move-Item { }

        & $script:SetScope -Path $script:Agent -ReceiveConnector 'EX01\From appliance' -TrustRemoteIPRanges | Out-Null

        Should -Invoke Move-Item -Times 0 -Exactly
    }

    It 'replaces the previous scope' {
        & $script:SetScope -Path $script:Agent -ReceiveConnector 'EX01\From appliance' -TrustRemoteIPRanges | Out-Null

        & $script:SetScope -Path $script:Agent -ReceiveConnector 'Partner' | Out-Null

        Get-ListValue '/ExchangeSpfAgent/Scope/ConnectorBindings/Binding' | Should -Be @('0.0.0.0:2526')
        Get-ListValue '/ExchangeSpfAgent/Origin/TrustedRelays/Range' | Should -Be @('198.51.100.10', '198.51.100.16/29')
    }

    It 'AllConnectors empties the list' {
        & $script:SetScope -Path $script:Agent -ReceiveConnector 'EX01\From appliance' | Out-Null

        & $script:SetScope -Path $script:Agent -AllConnectors

        Get-ListValue '/ExchangeSpfAgent/Scope/ConnectorBindings/Binding' | Should -BeNullOrEmpty
        (Get-TestConfiguration).Scope.SelectSingleNode('ConnectorBindings') | Should -Not -BeNullOrEmpty
    }

    It 'creates missing sections' {
        Set-Content -LiteralPath $script:ConfigurationPath -Value "<?xml version=`"1.0`" encoding=`"utf-8`"?>`n<ExchangeSpfAgent>`n  <Mode>LogOnly</Mode>`n</ExchangeSpfAgent>"

        & $script:SetScope -Path $script:Agent -ReceiveConnector 'EX01\From appliance' -TrustRemoteIPRanges | Out-Null

        Get-ListValue '/ExchangeSpfAgent/Scope/ConnectorBindings/Binding' | Should -Be @('192.0.2.25:25', '[2001:db8::25]:25')
        Get-ListValue '/ExchangeSpfAgent/Origin/TrustedRelays/Range' | Should -Be @('198.51.100.10', '198.51.100.16/29')
        (Get-TestConfiguration).Mode | Should -Be 'LogOnly'
    }

    It 'reports a missing configuration' {
        { & $script:SetScope -Path (Join-Path -Path $global:FakeExchange.Root -ChildPath 'Missing') -ReceiveConnector 'Partner' } |
            Should -Throw -ExpectedMessage '*configuration file*was not found*'
    }

    It 'reports an invalid configuration' {
        Set-Content -LiteralPath $script:ConfigurationPath -Value '<ExchangeSpfAgent><Scope>'

        { & $script:SetScope -Path $script:Agent -ReceiveConnector 'Partner' } |
            Should -Throw -ExpectedMessage '*could not be read*ExchangeSpfAgent.config.default.xml*'
    }
}

Describe 'ConvertTo-CidrRange' {
    BeforeAll {
        . (Join-Path -Path $script:InstallerRoot -ChildPath 'Private/AddressRanges.ps1')
    }

    It 'converts <Range>' -ForEach @(
        @{ Range = '192.0.2.7'; Expected = @('192.0.2.7') }
        @{ Range = '192.0.2.5/24'; Expected = @('192.0.2.0/24') }
        @{ Range = '192.0.2.10-192.0.2.20'; Expected = @('192.0.2.10/31', '192.0.2.12/30', '192.0.2.16/30', '192.0.2.20') }
        @{ Range = '10.0.0.0-10.0.1.255'; Expected = @('10.0.0.0/23') }
        @{ Range = '0.0.0.0-255.255.255.255'; Expected = @('0.0.0.0/0') }
        @{ Range = '2001:db8::1/64'; Expected = @('2001:db8::/64') }
        @{ Range = '2001:db8::ff-2001:db8::100'; Expected = @('2001:db8::ff', '2001:db8::100') }
    ) {
        ConvertTo-CidrRange -Range $Range | Should -Be $Expected
    }

    It 'rejects <Range>' -ForEach @(
        @{ Range = '192.0.2.20-192.0.2.10'; Expected = '*ends before it starts*' }
        @{ Range = '192.0.2.0/33'; Expected = '*not between 0 and 32*' }
        @{ Range = '192.0.2.1-2001:db8::1'; Expected = '*mixes IPv4 and IPv6*' }
        @{ Range = 'appliance'; Expected = "*'appliance' is not an IP address*" }
    ) {
        { ConvertTo-CidrRange -Range $Range } | Should -Throw -ExpectedMessage $Expected
    }
}
