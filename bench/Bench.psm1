# What the benches share: where build.ps1 put the module, medians, and tables in Markdown.

function Get-BuiltModulePath {
    <# The manifest build.ps1 lays out under out/AptReady/<version>, for a child pwsh to import. #>
    $root = Split-Path $PSScriptRoot
    $version = (Import-PowerShellDataFile "$root/AptReady.psd1").ModuleVersion
    "$root/out/AptReady/$version/AptReady.psd1"
}

function Get-Median([double[]] $Values) {
    $sorted = @($Values | Sort-Object)
    $n = $sorted.Count
    if ($n % 2) { $sorted[($n - 1) / 2] } else { ($sorted[$n / 2 - 1] + $sorted[$n / 2]) / 2 }
}

function Format-MarkdownTable($Rows) {
    <# Every column, whatever the console width. #>
    if (-not @($Rows).Count) { return '' }
    $columns = @($Rows)[0].PSObject.Properties.Name
    (@(
        '| ' + ($columns -join ' | ') + ' |'
        '|' + (($columns | ForEach-Object { '---' }) -join '|') + '|'
    ) + @($Rows | ForEach-Object { $row = $_; '| ' + (($columns | ForEach-Object { $row.$_ }) -join ' | ') + ' |' })) -join "`n"
}

Export-ModuleMember -Function Get-BuiltModulePath, Get-Median, Format-MarkdownTable
