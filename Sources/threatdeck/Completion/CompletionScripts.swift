/// The bash, zsh and fish completion scripts scripts/install.sh installs. Each asks
/// `threatdeck complete` (the same binary the user typed) for the word under the cursor, so
/// values come from the config and the data, and the parser's options are never listed twice.
enum CompletionScripts {
    static func script(for shell: CompleteCommand.Shell) -> String {
        switch shell {
        case .bash: return bash
        case .zsh: return zsh
        case .fish: return fish
        }
    }

    static let bash = #"""
        # bash completion for threatdeck (`threatdeck complete --script bash`): subcommands, options,
        # and the values of --filter (kinds, then names and codes from the data), --theme, --view,
        # --format, --max-tlp and more, from `threatdeck complete`.
        _threatdeck() {
            local item files=0
            local -a reply=()
            while IFS= read -r item; do
                if [[ $item == ":files" ]]; then files=1; else reply+=("$item"); fi
            done < <("${COMP_WORDS[0]}" complete --shell bash -- "${COMP_LINE:0:COMP_POINT}" 2>/dev/null)
            COMPREPLY=("${reply[@]}")
            # Bash quotes what it inserts ("Murky Panda" becomes Murky\ Panda) and lists it plainly.
            compopt -o filenames 2>/dev/null
            if (( files )); then
                local cur="${COMP_WORDS[COMP_CWORD]}"
                while IFS= read -r item; do COMPREPLY+=("$item"); done < <(compgen -f -- "$cur")
            fi
            # A kind ("nexus:") or "--opt=" is not a whole word yet: no space after it.
            if (( ${#COMPREPLY[@]} == 1 )) && [[ ${COMPREPLY[0]} == *[:=] ]]; then compopt -o nospace 2>/dev/null; fi
            return 0
        }
        complete -F _threatdeck threatdeck

        """#

    static let zsh = #"""
        #compdef threatdeck
        # zsh completion for threatdeck (`threatdeck complete --script zsh`): subcommands, options and
        # the values of --filter, --theme, --view, --format and more, from `threatdeck complete`.
        _threatdeck() {
            local item files=0
            local -a whole partial wholeShown partialShown
            local line="${(j: :)words[1,CURRENT-1]} $PREFIX"
            for item in "${(@f)$("${words[1]}" complete --shell zsh -- "$line" 2>/dev/null)}"; do
                [[ -z $item ]] && continue
                if [[ $item == ":files" ]]; then files=1; continue; fi
                local word="${item%%$'\t'*}" text="${item#*$'\t'}"
                if [[ $word == *[:=] ]]; then
                    partial+=("$word"); partialShown+=("$word  -- $text")
                else
                    whole+=("$word"); wholeShown+=("$word  -- $text")
                fi
            done
            (( ${#partial} )) && compadd -U -l -S '' -d partialShown -- "${partial[@]}"
            (( ${#whole} )) && compadd -U -l -d wholeShown -- "${whole[@]}"
            (( files )) && _files
            return 0
        }
        if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
            _threatdeck "$@"
        else
            compdef _threatdeck threatdeck
        fi

        """#

    static let fish = #"""
        # fish completion for threatdeck (`threatdeck complete --script fish`): subcommands, options and
        # the values of --filter, --theme, --view, --format and more, from `threatdeck complete`.
        function __threatdeck_complete
            set -l program (commandline -opc)[1]
            set -l files 0
            for item in ($program complete --shell fish -- (commandline -cp) 2>/dev/null)
                if test "$item" = ":files"
                    set files 1
                else
                    echo $item
                end
            end
            if test $files = 1
                __fish_complete_path (commandline -ct)
            end
        end
        complete -c threatdeck -e
        complete -c threatdeck -f -a '(__threatdeck_complete)'

        """#
}
