# bash completion for readmode                             -*- shell-script -*-
# Installed by `make install` into $(datadir)/bash-completion/completions.

_readmode()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -s || return
    else
        cur=${COMP_WORDS[COMP_CWORD]}
        prev=${COMP_WORDS[COMP_CWORD-1]}
        words=("${COMP_WORDS[@]}")
        cword=$COMP_CWORD
    fi

    local options="-f --format -u --url -c --charset -w --width --probe --max-size
        -o --output -r --recursive --files-from -0 --null --jsonl -j --jobs -q --quiet
        -h --help -V --version"

    if [[ $cword -eq 1 && $cur != -* ]]; then
        COMPREPLY=($(compgen -W "save list show delete" -- "$cur"))
        COMPREPLY+=($(compgen -f -X '!*.@(html|htm|xhtml|shtml)' -- "$cur"))
        COMPREPLY+=($(compgen -d -- "$cur"))
        return
    fi
    case ${words[1]} in
        save)
            case $prev in
                --format|-f) COMPREPLY=($(compgen -W "md txt html epub" -- "$cur")); return ;;
                --library|-l) COMPREPLY=($(compgen -d -- "$cur")); return ;;
                --url|-u) return ;;
            esac
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--format --url --library --force --help" -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            return ;;
        list)
            case $prev in
                --library) COMPREPLY=($(compgen -d -- "$cur")); return ;;
                --grep|--since) return ;;
            esac
            COMPREPLY=($(compgen -W "--library --json --grep --since --help" -- "$cur"))
            return ;;
        show|delete)
            case $prev in
                --library) COMPREPLY=($(compgen -d -- "$cur")); return ;;
            esac
            if [[ $cur == -* ]]; then
                COMPREPLY=($(compgen -W "--library --help" -- "$cur"))
            else
                COMPREPLY=($(compgen -f -- "$cur"))
            fi
            return ;;
    esac

    case $prev in
        -f|--format) COMPREPLY=($(compgen -W "text markdown html json" -- "$cur")); return ;;
        -c|--charset) COMPREPLY=($(compgen -W "utf-8 windows-1252 windows-1251 koi8-r shift_jis euc-jp gbk big5 euc-kr iso-8859-2" -- "$cur")); return ;;
        -o|--output) COMPREPLY=($(compgen -d -- "$cur")); return ;;
        --files-from) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        -u|--url|-w|--width|-j|--jobs|--max-size) return ;;
    esac
    if [[ $cur == --*=* ]]; then
        local opt=${cur%%=*} val=${cur#*=}
        case $opt in
            --format) COMPREPLY=($(compgen -P "$opt=" -W "text markdown html json" -- "$val")) ;;
            --output) COMPREPLY=($(compgen -P "$opt=" -d -- "$val")) ;;
            --files-from) COMPREPLY=($(compgen -P "$opt=" -f -- "$val")) ;;
        esac
        return
    fi
    if [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$options" -- "$cur"))
        return
    fi
    COMPREPLY=($(compgen -f -X '!*.@(html|htm|xhtml|shtml)' -- "$cur"))
    COMPREPLY+=($(compgen -d -- "$cur"))
}
shopt -s extglob 2>/dev/null
complete -o filenames -F _readmode readmode
