# fish completion for readmode; installed by `make install` into
# $(datadir)/fish/vendor_completions.d.

function __readmode_no_command
    not __fish_seen_subcommand_from save list show delete
end

complete -c readmode -n __readmode_no_command -a save -d 'Save a cleaned article offline'
complete -c readmode -n __readmode_no_command -a list -d 'List saved articles'
complete -c readmode -n __readmode_no_command -a show -d 'Print a saved article'
complete -c readmode -n __readmode_no_command -a delete -d 'Delete a saved article'
complete -c readmode -n __readmode_no_command -s f -l format -x -a 'text markdown html json' -d 'Output format'
complete -c readmode -n __readmode_no_command -s u -l url -x -d "The page's URL"
complete -c readmode -n __readmode_no_command -s c -l charset -x -a 'utf-8 windows-1252 windows-1251 koi8-r shift_jis euc-jp gbk big5 euc-kr' -d 'Input encoding'
complete -c readmode -n __readmode_no_command -s w -l width -x -d 'Wrap text at N columns'
complete -c readmode -n __readmode_no_command -l probe -d 'Only decide whether the page is an article'
complete -c readmode -n __readmode_no_command -l max-size -x -d 'Refuse inputs larger than N bytes'
complete -c readmode -n __readmode_no_command -s o -l output -x -a '(__fish_complete_directories)' -d 'Write one file per input into DIR'
complete -c readmode -n __readmode_no_command -s r -l recursive -d 'Read the HTML files of folders'
complete -c readmode -n __readmode_no_command -l files-from -r -F -d 'Read input names from a file'
complete -c readmode -n __readmode_no_command -s 0 -l null -d 'Names in the list end with NUL'
complete -c readmode -n __readmode_no_command -l jsonl -d 'Stream JSON lines on stdin'
complete -c readmode -n __readmode_no_command -s j -l jobs -x -d 'Pages cleaned in parallel'
complete -c readmode -n __readmode_no_command -s q -l quiet -d 'No progress, notes or summary'
complete -c readmode -n __readmode_no_command -s h -l help -d 'Show help'
complete -c readmode -n __readmode_no_command -s V -l version -d 'Show the version'
complete -c readmode -n '__fish_seen_subcommand_from save' -s f -l format -x -a 'md txt html epub' -d 'File format'
complete -c readmode -n '__fish_seen_subcommand_from save' -s u -l url -x -d "The page's URL"
complete -c readmode -n '__fish_seen_subcommand_from save list show delete' -l library -x -a '(__fish_complete_directories)' -d 'Library folder'
complete -c readmode -n '__fish_seen_subcommand_from save' -l force -d 'Overwrite an existing copy'
complete -c readmode -n '__fish_seen_subcommand_from list' -l json -d 'JSON output'
complete -c readmode -n '__fish_seen_subcommand_from list' -l grep -x -d 'Only articles with these words in title or site'
complete -c readmode -n '__fish_seen_subcommand_from list' -l since -x -d 'Only articles saved on or after DATE (YYYY-MM-DD)'
