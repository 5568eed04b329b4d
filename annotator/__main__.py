from annotator.launcher import main

main()
