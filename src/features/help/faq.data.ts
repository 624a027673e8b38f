// The portal's FAQ: the answers of spec 003 ("Frequently asked questions
// about Flexible Engine") under their five topics. The source strips the
// questions, so each entry's question is ours; the English answers are the
// source's, tidied (a list item is a paragraph), the French a faithful
// translation. `keywords` hold words a customer types that the question and
// answer don't contain (the other language's word, a common synonym).
// Paragraphs are separated by "\n"; the page shows one <p> per paragraph.

export const FAQ_TOPICS = ['general', 'access', 'account', 'administrative', 'cloud_services'] as const
export type FaqTopic = (typeof FAQ_TOPICS)[number]

export interface FaqEntryData {
  id: string
  topic: FaqTopic
  question: { en: string; fr: string }
  answer: { en: string; fr: string }
  keywords: string[]
}

export const FAQ: readonly FaqEntryData[] = [
  // General Inquiries
  {
    id: 'what-is-flexible-engine',
    topic: 'general',
    question: { en: 'What is Flexible Engine?', fr: 'Qu’est-ce que Flexible Engine ?' },
    answer: {
      en: 'Flexible Engine is an OpenStack public cloud solution, operated by Orange Business Services. It gives you access to an innovative and high-performance infrastructure to host your traditional and native cloud applications.',
      fr: 'Flexible Engine est une solution de cloud public OpenStack, opérée par Orange Business Services. Elle vous donne accès à une infrastructure innovante et performante pour héberger vos applications traditionnelles et cloud natives.',
    },
    keywords: ['openstack', 'cloud public', 'offre'],
  },
  {
    id: 'data-centers',
    topic: 'general',
    question: { en: 'Where are the Flexible Engine data centers?', fr: 'Où sont situés les centres de données Flexible Engine ?' },
    answer: {
      en: 'The data centers operated by Orange are located in Amsterdam, Paris and Atlanta. Through a partnership of cloud service providers, the Cloud Alliance, Flexible Engine users can also access partner data centers in regions around the world. The data centers available with Flexible Engine are located in more than 10 regions around the world.',
      fr: 'Les centres de données opérés par Orange sont situés à Amsterdam, Paris et Atlanta. Grâce à un partenariat entre fournisseurs de services cloud, la Cloud Alliance, les utilisateurs de Flexible Engine peuvent aussi accéder aux centres de données de partenaires dans des régions du monde entier. Les centres de données disponibles avec Flexible Engine sont situés dans plus de 10 régions du monde.',
    },
    keywords: ['datacenter', 'region', 'région', 'localisation', 'location'],
  },
  {
    id: 'prices-and-pricing-models',
    topic: 'general',
    question: { en: 'What are the prices and pricing models?', fr: 'Quels sont les prix et les modèles de tarification ?' },
    answer: {
      en: 'All the prices of the services and their pricing model are detailed in the Pricelist page.\nPlease note that there are several pricing models for Elastic Cloud Servers. Depending on your needs, you can choose:\n“Pay As You Go” (PAYG): it does not require any commitment and allows a pricing adapted to your consumption. Prices vary according to the time of consumption and the resources used.\nA reserved instance subscription: you pay a fixed monthly amount for the duration of your commitment. This billing method offers a greater discount than Pay As You Go.\nA flexible reserved instance subscription: you pay a fixed monthly amount for the duration of your commitment. This billing method gives you the possibility to modify the reserved instances during the duration of your commitment. This allows you to adapt your infrastructure to your needs.',
      fr: 'Tous les prix des services et leur modèle de tarification sont détaillés sur la page Pricelist.\nVeuillez noter qu’il existe plusieurs modèles de tarification pour les Elastic Cloud Servers. Selon vos besoins, vous pouvez choisir :\n« Pay As You Go » (PAYG) : sans engagement, il permet une tarification adaptée à votre consommation. Les prix varient selon la durée de consommation et les ressources utilisées.\nUn abonnement à des instances réservées : vous payez un montant mensuel fixe pendant la durée de votre engagement. Ce mode de facturation offre une remise plus importante que le Pay As You Go.\nUn abonnement à des instances réservées flexibles : vous payez un montant mensuel fixe pendant la durée de votre engagement. Ce mode de facturation vous permet de modifier les instances réservées pendant la durée de votre engagement, et donc d’adapter votre infrastructure à vos besoins.',
    },
    keywords: ['tarif', 'price', 'prix', 'payg', 'cost', 'coût', 'reserved', 'réservée'],
  },
  {
    id: 'estimate-cost',
    topic: 'general',
    question: { en: 'How can I estimate the cost of my project?', fr: 'Comment estimer le coût de mon projet ?' },
    answer: {
      en: 'To estimate the cost of your project or to find out the cost of the Flexible Engine features, an estimator is available on the Flexible Engine Assistance page in “Price estimation tool”.',
      fr: 'Pour estimer le coût de votre projet ou connaître le coût des fonctionnalités Flexible Engine, un simulateur est disponible sur la page Assistance Flexible Engine, dans « Outil d’estimation des prix ».',
    },
    keywords: ['estimator', 'simulateur', 'estimation', 'price', 'prix', 'budget'],
  },
  {
    id: 'certifications',
    topic: 'general',
    question: { en: 'Which certifications does the cloud offer hold?', fr: 'De quelles certifications l’offre cloud dispose-t-elle ?' },
    answer: {
      en: 'In order to satisfy our customers, our Cloud offer has several certifications guaranteeing a quality service, data protection and a secure information system.\nTo find out more about our certifications and those of our partners, please visit our Certifications of our experts and Certifications of cloud offers pages.',
      fr: 'Pour satisfaire nos clients, notre offre Cloud dispose de plusieurs certifications garantissant un service de qualité, la protection des données et un système d’information sécurisé.\nPour en savoir plus sur nos certifications et celles de nos partenaires, consultez nos pages Certifications de nos experts et Certifications des offres cloud.',
    },
    keywords: ['iso', 'hds', 'security', 'sécurité', 'compliance', 'conformité'],
  },
  {
    id: 'contractual-documents',
    topic: 'general',
    question: { en: 'Where can I find the contractual documents?', fr: 'Où trouver les documents contractuels ?' },
    answer: {
      en: 'The contractual documents of OCB services describe the commitments related to the operation and quality of services. All of these documents are available on the Contractual Documents page.',
      fr: 'Les documents contractuels des services OCB décrivent les engagements liés au fonctionnement et à la qualité des services. Tous ces documents sont disponibles sur la page Documents contractuels.',
    },
    keywords: ['contract', 'contrat', 'sla', 'commitment'],
  },
  // Access management
  {
    id: 'first-login',
    topic: 'access',
    question: { en: 'How do I sign in to my customer space for the first time?', fr: 'Comment me connecter à mon espace client la première fois ?' },
    answer: {
      en: 'When you subscribe to the Flexible Engine offer, you will receive an email “Welcome to the Cloudstore Customer Space”. This email contains your login (John.doe) to connect to your Cloudstore Customer Space and a link to set your password. Then simply follow this link and enter your username and password to connect to your Cloudstore Customer Space.\nRemember to keep this email. If you encounter a problem accessing your Cloudstore Customer Space, please contact our customer service via the email address at the bottom of the email.',
      fr: 'Lorsque vous souscrivez à l’offre Flexible Engine, vous recevez un e-mail « Bienvenue dans l’Espace Client Cloudstore ». Cet e-mail contient votre identifiant (John.doe) pour vous connecter à votre Espace Client Cloudstore et un lien pour définir votre mot de passe. Suivez simplement ce lien, puis saisissez votre identifiant et votre mot de passe pour vous connecter à votre Espace Client Cloudstore.\nPensez à conserver cet e-mail. Si vous rencontrez un problème d’accès à votre Espace Client Cloudstore, contactez notre service client via l’adresse e-mail figurant en bas de l’e-mail.',
    },
    keywords: ['login', 'connexion', 'identifiant', 'welcome', 'bienvenue', 'sign in', 'account', 'compte'],
  },
  {
    id: 'change-password',
    topic: 'access',
    question: { en: 'How do I change my password?', fr: 'Comment changer mon mot de passe ?' },
    answer: {
      en: 'From your Cloudstore Customer Space, go to “My account” and click on “Change my password”.',
      fr: 'Depuis votre Espace Client Cloudstore, allez dans « Mon compte » et cliquez sur « Modifier mon mot de passe ».',
    },
    keywords: ['password', 'mot de passe', 'mdp', 'modifier'],
  },
  {
    id: 'reset-password',
    topic: 'access',
    question: { en: 'How do I reset my password?', fr: 'Comment réinitialiser mon mot de passe ?' },
    answer: {
      en: 'From the login page of your Cloudstore Customer Space, you can reset your password by clicking on the “Forgotten password” link.\nOnce the change is made, a reset email will be sent to you.',
      fr: 'Depuis la page de connexion de votre Espace Client Cloudstore, vous pouvez réinitialiser votre mot de passe en cliquant sur le lien « Mot de passe oublié ».\nUne fois la modification faite, un e-mail de réinitialisation vous est envoyé.',
    },
    keywords: ['password', 'mot de passe', 'mdp', 'forgot', 'oublié', 'lost', 'perdu', 'reset', 'réinitialiser'],
  },
  {
    id: 'technical-console-access',
    topic: 'access',
    question: { en: 'How do I access the Flexible Engine technical console?', fr: 'Comment accéder à la console technique Flexible Engine ?' },
    answer: {
      en: 'If you are already connected to your Cloudstore Customer Space, simply follow the Technical Console link on the home page of your Cloudstore Customer Space.\nOtherwise, there are 2 other ways you can access it:\n1 – Connect to the Web Login by entering your username (John.Doe), your domain name (OCB000XXXX) and the password to access the Cloudstore Customer Space. This information is included in the “Welcome to the Flexible Engine Console” email you receive shortly after subscribing to the Flexible Engine offer.\n2 – Log in to the Web Login and click on API Login at the top right of the page. Then, enter your domain name (OCB000XXXX), your login (Username/email address/cell phone number) and your API password. This information can be found in the “Welcome to the Flexible Engine Console” email you receive shortly after subscribing to the Flexible Engine offer. You can also set your API password by following this link.\nIf you encounter any problems accessing your Flexible Engine technical console, please contact our customer service department via the email address at the bottom of the email.',
      fr: 'Si vous êtes déjà connecté à votre Espace Client Cloudstore, suivez simplement le lien Console technique de sa page d’accueil.\nSinon, vous pouvez y accéder de 2 autres façons :\n1 – Connectez-vous au Web Login en saisissant votre identifiant (John.Doe), votre nom de domaine (OCB000XXXX) et le mot de passe d’accès à l’Espace Client Cloudstore. Ces informations figurent dans l’e-mail « Bienvenue dans la console Flexible Engine » que vous recevez peu après votre souscription à l’offre Flexible Engine.\n2 – Connectez-vous au Web Login et cliquez sur API Login en haut à droite de la page. Saisissez ensuite votre nom de domaine (OCB000XXXX), votre identifiant (nom d’utilisateur, adresse e-mail ou numéro de mobile) et votre mot de passe API. Ces informations figurent dans l’e-mail « Bienvenue dans la console Flexible Engine » que vous recevez peu après votre souscription. Vous pouvez aussi définir votre mot de passe API en suivant ce lien.\nSi vous rencontrez un problème d’accès à votre console technique Flexible Engine, contactez notre service client via l’adresse e-mail figurant en bas de l’e-mail.',
    },
    keywords: ['console', 'web login', 'api', 'domain', 'domaine'],
  },
  {
    id: 'api-password',
    topic: 'access',
    question: { en: 'How do I change or reset my API Login password?', fr: 'Comment modifier ou réinitialiser mon mot de passe API Login ?' },
    answer: {
      en: 'Your API Login password allows you to log in to the Flexible Engine technical console. To modify or reset it:\nVisit the login page of the Flexible Engine console and click on the API Login function in the top right corner.\nThe “Forgotten Password” link will appear on this new page and allow you to change or reset your API Login password.',
      fr: 'Votre mot de passe API Login vous permet de vous connecter à la console technique Flexible Engine. Pour le modifier ou le réinitialiser :\nRendez-vous sur la page de connexion de la console Flexible Engine et cliquez sur la fonction API Login en haut à droite.\nLe lien « Mot de passe oublié » apparaît sur cette nouvelle page et vous permet de modifier ou de réinitialiser votre mot de passe API Login.',
    },
    keywords: ['password', 'mot de passe', 'api', 'console', 'reset', 'réinitialiser'],
  },
  {
    id: 'api-login-blocked',
    topic: 'access',
    question: { en: 'My API Login is blocked: how do I unlock it?', fr: 'Mon API Login est bloqué : comment le débloquer ?' },
    answer: {
      en: 'In case your Login API is blocked, log in to your Cloudstore Customer Space by entering your username (John.Doe) and click on “Technical Console”. In the list of proposed services, select “Identity and Access Management” present in the “Management and Deployment” block. Then, on the line corresponding to the user (John.Doe), click on “More” and select “Reset Failed Login”. Your Login API will be immediately unlocked.',
      fr: 'Si votre API Login est bloqué, connectez-vous à votre Espace Client Cloudstore avec votre identifiant (John.Doe) et cliquez sur « Console technique ». Dans la liste des services proposés, choisissez « Identity and Access Management », dans le bloc « Management and Deployment ». Puis, sur la ligne de l’utilisateur (John.Doe), cliquez sur « More » et choisissez « Reset Failed Login ». Votre API Login est immédiatement débloqué.',
    },
    keywords: ['blocked', 'bloqué', 'locked', 'verrouillé', 'unlock', 'iam'],
  },
  {
    id: 'manage-users',
    topic: 'access',
    question: { en: 'How do I manage the users of a tenant?', fr: 'Comment gérer les utilisateurs d’un tenant ?' },
    answer: {
      en: 'The management of a tenant’s users is done from your Cloudstore Customer Space, in the “Users” tab. If you do not see this tab, you do not have the right to access it: you need to ask someone in your organization to give you these rights.',
      fr: 'La gestion des utilisateurs d’un tenant se fait depuis votre Espace Client Cloudstore, dans l’onglet « Utilisateurs ». Si vous ne voyez pas cet onglet, vous n’avez pas le droit d’y accéder : demandez ces droits à une personne de votre organisation.',
    },
    keywords: ['users', 'utilisateurs', 'rights', 'droits', 'role', 'rôle', 'access', 'accès'],
  },
  {
    id: 'multi-tenant-management',
    topic: 'access',
    question: { en: 'How do I manage several tenants?', fr: 'Comment gérer plusieurs tenants ?' },
    answer: {
      en: 'Multi-tenant management allows you to view or modify all your tenants and create new tenants. Send an email to an OCB sales representative to request activation of multi-tenant management. Once your request has been processed, you will receive a second access login to the Cloudstore allowing you to view or modify your tenants and create new tenants. We also offer to all our customers who have 3 or more tenants to activate their multi-tenant bill (see the Q&A: “Where can I find a global invoice for all my domains?”).',
      fr: 'La gestion multi-tenant vous permet de consulter ou de modifier tous vos tenants et d’en créer de nouveaux. Envoyez un e-mail à un commercial OCB pour demander l’activation de la gestion multi-tenant. Une fois votre demande traitée, vous recevez un second identifiant d’accès au Cloudstore qui vous permet de consulter ou de modifier vos tenants et d’en créer de nouveaux. Nous proposons aussi à tous nos clients ayant 3 tenants ou plus d’activer leur facture multi-tenant (voir la question « Où trouver une facture globale pour tous mes domaines ? »).',
    },
    keywords: ['tenant', 'multi', 'domaines', 'domains'],
  },
  {
    id: 'billing-information',
    topic: 'access',
    question: { en: 'Where can I find my billing information?', fr: 'Où trouver mes informations de facturation ?' },
    answer: {
      en: 'Billing information can be found in your Cloudstore Customer Space, in the “Billing” tab. There you will find your monthly and daily consumption reports in Excel format as well as your bills in PDF format. If you don’t see this tab, you don’t have the right to access it: you need to ask someone in your organization to give you these rights.',
      fr: 'Les informations de facturation se trouvent dans votre Espace Client Cloudstore, dans l’onglet « Facturation ». Vous y trouverez vos rapports de consommation mensuels et quotidiens au format Excel ainsi que vos factures au format PDF. Si vous ne voyez pas cet onglet, vous n’avez pas le droit d’y accéder : demandez ces droits à une personne de votre organisation.',
    },
    keywords: ['invoice', 'facture', 'bill', 'billing', 'facturation', 'consumption', 'consommation', 'pdf', 'excel'],
  },
  {
    id: 'global-invoice',
    topic: 'access',
    question: { en: 'Where can I find a global invoice for all my domains?', fr: 'Où trouver une facture globale pour tous mes domaines ?' },
    answer: {
      en: 'We offer to all our customers who have 3 or more tenants to activate their multi-tenant bill. Send an email to an OCB sales representative to activate your multi-tenant bill. When your request is processed, you will no longer receive several bills but a single bill. In the Cloudstore, all your Flexible Engine billing information will be combined in an additional “multi-services” contract.',
      fr: 'Nous proposons à tous nos clients ayant 3 tenants ou plus d’activer leur facture multi-tenant. Envoyez un e-mail à un commercial OCB pour l’activer. Une fois votre demande traitée, vous ne recevez plus plusieurs factures mais une seule. Dans le Cloudstore, toutes vos informations de facturation Flexible Engine sont regroupées dans un contrat « multi-services » supplémentaire.',
    },
    keywords: ['invoice', 'facture', 'bill', 'grouped', 'groupée', 'multi-services', 'tenant'],
  },
  {
    id: 'change-referent',
    topic: 'access',
    question: { en: 'How do I change the referent user of a tenant?', fr: 'Comment changer l’utilisateur référent d’un tenant ?' },
    answer: {
      en: 'The referent user of your tenant is defined during the creation of the tenant. The current referent user of the tenant can assign his role to another user: he does it in his Cloudstore Customer Space, in the “Users” tab (“Change referent” button). If he no longer wishes to access the tenant, he can withdraw his rights himself.\nNOTE 1: In the event that the current referent user can not access his Cloudstore Customer Space (for example if he has left the company), send an email to your Flexible Engine sales representative specifying the tenant’s code and the new referent’s contact information.\nNOTE 2: A change of referent does not change the domain owner of the tenant (this requires a separate action).',
      fr: 'L’utilisateur référent de votre tenant est défini à la création du tenant. Le référent actuel peut transmettre son rôle à un autre utilisateur : il le fait dans son Espace Client Cloudstore, onglet « Utilisateurs » (bouton « Changer de référent »). S’il ne souhaite plus accéder au tenant, il peut retirer lui-même ses droits.\nNOTE 1 : si le référent actuel ne peut pas accéder à son Espace Client Cloudstore (par exemple s’il a quitté l’entreprise), envoyez un e-mail à votre commercial Flexible Engine en précisant le code du tenant et les coordonnées du nouveau référent.\nNOTE 2 : un changement de référent ne change pas le propriétaire du domaine du tenant (cela demande une action distincte).',
    },
    keywords: ['referent', 'référent', 'referrer', 'transfer', 'transférer'],
  },
  {
    id: 'change-domain-owner',
    topic: 'access',
    question: { en: 'How do I change the domain owner of a tenant?', fr: 'Comment changer le propriétaire du domaine d’un tenant ?' },
    answer: {
      en: 'The “domain owner” of your tenant is defined during the creation of the latter. The current “domain owner” of the tenant can assign his role to another user: he does it in his Cloudstore Customer Space, “Users” tab (“Change domain owner” button). If he no longer wishes to access the tenant, he can withdraw his rights himself.\nNOTE 1: If the current domain owner cannot access his Cloudstore Customer Space (for example, if he has left the company), send an email to your Flexible Engine sales representative, specifying the tenant’s code and the contact information of the new “domain owner”.\nNOTE 2: Changing the “domain owner” does not change the tenant’s referent (this requires a separate action).',
      fr: 'Le « propriétaire du domaine » de votre tenant est défini à la création de celui-ci. Le propriétaire actuel peut transmettre son rôle à un autre utilisateur : il le fait dans son Espace Client Cloudstore, onglet « Utilisateurs » (bouton « Changer de propriétaire du domaine »). S’il ne souhaite plus accéder au tenant, il peut retirer lui-même ses droits.\nNOTE 1 : si le propriétaire actuel ne peut pas accéder à son Espace Client Cloudstore (par exemple s’il a quitté l’entreprise), envoyez un e-mail à votre commercial Flexible Engine en précisant le code du tenant et les coordonnées du nouveau « propriétaire du domaine ».\nNOTE 2 : changer le « propriétaire du domaine » ne change pas le référent du tenant (cela demande une action distincte).',
    },
    keywords: ['domain owner', 'propriétaire', 'owner', 'domaine'],
  },
  // Account management
  {
    id: 'subscribe',
    topic: 'account',
    question: { en: 'How do I subscribe to Flexible Engine?', fr: 'Comment souscrire à Flexible Engine ?' },
    answer: {
      en: 'You can subscribe to Flexible Engine by subscribing to the Free Trial offer valid for 3 months. From the cloud.orange-business.com website, go to the Test our offer page. A few weeks before the end of the Free Trial offer, you will be contacted by our services to convert your offer and continue using Flexible Engine. You can also subscribe to Flexible Engine by directly contacting an Orange sales representative or by using the contact form at cloud.orange-business.com.',
      fr: 'Vous pouvez souscrire à Flexible Engine via l’offre d’essai gratuit, valable 3 mois. Sur le site cloud.orange-business.com, allez sur la page Tester notre offre. Quelques semaines avant la fin de l’essai gratuit, nos services vous contactent pour convertir votre offre et continuer à utiliser Flexible Engine. Vous pouvez aussi souscrire en contactant directement un commercial Orange ou via le formulaire de contact de cloud.orange-business.com.',
    },
    keywords: ['subscription', 'souscription', 'abonnement', 'sign up', 'trial', 'essai'],
  },
  {
    id: 'free-trial',
    topic: 'account',
    question: { en: 'What does the free trial offer include?', fr: 'Que comprend l’offre d’essai gratuit ?' },
    answer: {
      en: 'Our test offer allows you to try out the entire functionality of the Flexible Engine package free of charge (bank details not required) and simply. You can benefit from this access for 2 calendar months in addition to the month of subscription. Throughout this test offer, you will be supported free of charge through phone and email support, a customer community, webinars, documentation and a user guide. At the end of this period, you will be able to subscribe to the offer and keep your settings.',
      fr: 'Notre offre d’essai vous permet de tester simplement et gratuitement toutes les fonctionnalités de Flexible Engine (sans coordonnées bancaires). Vous en bénéficiez pendant 2 mois calendaires en plus du mois de souscription. Pendant tout l’essai, vous êtes accompagné gratuitement : support par téléphone et par e-mail, communauté clients, webinaires, documentation et guide utilisateur. À la fin de cette période, vous pouvez souscrire à l’offre en conservant vos paramètres.',
    },
    keywords: ['trial', 'essai', 'test', 'free', 'gratuit'],
  },
  {
    id: 'open-trial-account',
    topic: 'account',
    question: { en: 'How do I open a free trial account?', fr: 'Comment ouvrir un compte d’essai gratuit ?' },
    answer: {
      en: 'To subscribe, go to the Tester notre offre page and click on “Test the offer”. Fill in the form to open an account. Once the account is opened, you will be able to benefit from the offer’s features and services free of charge. For more information about the services offered on Flexible Engine, please visit the Features page.',
      fr: 'Pour souscrire, allez sur la page Tester notre offre et cliquez sur « Tester l’offre ». Remplissez le formulaire pour ouvrir un compte. Une fois le compte ouvert, vous bénéficiez gratuitement des fonctionnalités et services de l’offre. Pour en savoir plus sur les services proposés par Flexible Engine, consultez la page Fonctionnalités.',
    },
    keywords: ['trial', 'essai', 'account', 'compte', 'open', 'ouvrir'],
  },
  {
    id: 'support-levels',
    topic: 'account',
    question: { en: 'What are the support levels?', fr: 'Quels sont les niveaux de support ?' },
    answer: {
      en: 'There are four different levels of support:\nBasic: Documentation, FAQ online on the Website and on the Help Center for independent viewing for all Customers of the Services.\nStandard: Support solution designed for Customers whose use of the Services is intended for application developments excluding production applications.\nBusiness: Support solution designed for Customers whose use of the Services is intended for production applications.\nPremium: Support solution designed for Customers whose use of the Services is intended for demanding production applications of demanding production processes.\nYour support level is determined at the creation of your tenant and can be changed by requesting a support level change (see the corresponding FAQ).\nTo learn more about support levels and the services they provide, please refer to the “Support Offers” section of our Service Description.',
      fr: 'Il existe quatre niveaux de support :\nBasic : documentation et FAQ en ligne sur le site web et sur le Help Center, en consultation autonome pour tous les clients des services.\nStandard : solution de support conçue pour les clients qui utilisent les services pour des développements d’applications, hors applications de production.\nBusiness : solution de support conçue pour les clients qui utilisent les services pour des applications de production.\nPremium : solution de support conçue pour les clients qui utilisent les services pour des applications de production exigeantes ou des processus de production exigeants.\nVotre niveau de support est déterminé à la création de votre tenant et peut être modifié par une demande de changement de niveau de support (voir la question correspondante).\nPour en savoir plus sur les niveaux de support et les services qu’ils comprennent, consultez la section « Offres de support » de notre Description de service.',
    },
    keywords: ['support', 'level', 'niveau', 'basic', 'standard', 'business', 'premium'],
  },
  {
    id: 'create-tenant',
    topic: 'account',
    question: { en: 'How do I create an additional tenant?', fr: 'Comment créer un tenant supplémentaire ?' },
    answer: {
      en: 'If your organization has the “create a tenant online” option, one of your users will have the “Create new contract” link on the home page of their Cloudstore customer area and will be able to create a new tenant from this link.\nWhatever your situation, you can make a request for the creation of an additional tenant by directly contacting your OCB sales representative. He will have you fill out a form or “order form” that you will have to send back to him once completed so that he can process your request.\nYou will receive your ID within 24 hours after you return the form.\nIf you regularly have tenants to create, we advise you to ask for the activation of the option “create a tenant online” by sending an email to your OBS sales representative.',
      fr: 'Si votre organisation dispose de l’option « créer un tenant en ligne », l’un de vos utilisateurs voit le lien « Créer un nouveau contrat » sur la page d’accueil de son espace client Cloudstore et peut créer un nouveau tenant depuis ce lien.\nDans tous les cas, vous pouvez demander la création d’un tenant supplémentaire en contactant directement votre commercial OCB. Il vous fera remplir un formulaire ou « bon de commande » à lui renvoyer une fois complété pour qu’il traite votre demande.\nVous recevez votre identifiant dans les 24 heures suivant le retour du formulaire.\nSi vous créez régulièrement des tenants, nous vous conseillons de demander l’activation de l’option « créer un tenant en ligne » par e-mail à votre commercial OBS.',
    },
    keywords: ['tenant', 'contract', 'contrat', 'new', 'nouveau', 'create', 'créer'],
  },
  {
    id: 'cancel-tenant',
    topic: 'account',
    question: { en: 'How do I cancel a tenant?', fr: 'Comment résilier un tenant ?' },
    answer: {
      en: 'You can make a request for a tenant cancellation by sending an email to your OCB sales representative specifying your domain identifier (OCB000XXXX).\nOtherwise, you can make a request to cancel a tenant by opening a support ticket and explaining your request: from your Cloud Store customer area, under the “Support” tab, click on “Open an incident ticket” and write your request.\nTo find out more about opening a support ticket, please consult the document Incident Management.\nWARNING: You will be asked to delete the resources in this holding beforehand – you will pay for all consumption until all your resources are deleted, whatever use you make of them.',
      fr: 'Vous pouvez demander la résiliation d’un tenant par e-mail à votre commercial OCB en précisant votre identifiant de domaine (OCB000XXXX).\nSinon, vous pouvez demander la résiliation d’un tenant en ouvrant un ticket de support qui explique votre demande : depuis votre espace client Cloud Store, onglet « Support », cliquez sur « Ouvrir un ticket d’incident » et rédigez votre demande.\nPour en savoir plus sur l’ouverture d’un ticket de support, consultez le document Gestion des incidents.\nATTENTION : il vous sera demandé de supprimer au préalable les ressources de ce tenant ; toute consommation vous est facturée jusqu’à la suppression de toutes vos ressources, quel que soit l’usage que vous en faites.',
    },
    keywords: ['cancel', 'résilier', 'résiliation', 'terminate', 'close', 'fermer', 'tenant', 'delete', 'supprimer'],
  },
  // Administrative management
  {
    id: 'monthly-consumption',
    topic: 'administrative',
    question: { en: 'Where can I see my consumption during the month?', fr: 'Où voir ma consommation en cours de mois ?' },
    answer: {
      en: 'Your consumption during the month is available in your Cloudstore Customer Space, in the “Billings” tab. It is a simulation to date available in EXCEL format.',
      fr: 'Votre consommation en cours de mois est disponible dans votre Espace Client Cloudstore, dans l’onglet « Facturation ». Il s’agit d’une simulation à date, disponible au format EXCEL.',
    },
    keywords: ['consumption', 'consommation', 'usage', 'billing', 'facturation', 'excel'],
  },
  {
    id: 'change-billing-details',
    topic: 'administrative',
    question: { en: 'Which billing details can I change, and how?', fr: 'Quelles informations de facturation puis-je modifier, et comment ?' },
    answer: {
      en: 'The billing information that you can change is:\nThe company name and address of your company.\nThe surname, first name, email address of the person to whom the digital invoice (PDF document) is sent.\nYou can request these changes by contacting your OBS sales representative.',
      fr: 'Les informations de facturation que vous pouvez modifier sont :\nLa raison sociale et l’adresse de votre entreprise.\nLe nom, le prénom et l’adresse e-mail de la personne à qui la facture dématérialisée (document PDF) est envoyée.\nVous pouvez demander ces modifications en contactant votre commercial OBS.',
    },
    keywords: ['billing', 'facturation', 'address', 'adresse', 'invoice', 'facture', 'company', 'société'],
  },
  {
    id: 'invoice-external-reference',
    topic: 'administrative',
    question: { en: 'How do I update the external reference on my invoice?', fr: 'Comment mettre à jour la référence externe de ma facture ?' },
    answer: {
      en: 'Concerning the external reference appearing on your invoice, the referent user of your tenant can update it by going to the “Services” tab and using the corresponding thumbnail: it is the parameter called REF1.',
      fr: 'La référence externe qui figure sur votre facture peut être mise à jour par l’utilisateur référent de votre tenant, depuis l’onglet « Services », avec la vignette correspondante : c’est le paramètre appelé REF1.',
    },
    keywords: ['invoice', 'facture', 'ref1', 'reference', 'référence', 'bill'],
  },
  {
    id: 'understand-invoice',
    topic: 'administrative',
    question: { en: 'How do I understand my invoice?', fr: 'Comment comprendre ma facture ?' },
    answer: {
      en: 'A description of the Flexible Engine services pricing structure and your monthly bill is available on the Understand your invoice page.',
      fr: 'Une description de la structure tarifaire des services Flexible Engine et de votre facture mensuelle est disponible sur la page Comprendre votre facture.',
    },
    keywords: ['invoice', 'facture', 'bill', 'pricing', 'tarif'],
  },
  {
    id: 'billing-problem',
    topic: 'administrative',
    question: { en: 'Whom do I contact about a billing problem?', fr: 'Qui contacter pour un problème de facturation ?' },
    answer: {
      en: 'In case of a problem, you can contact your OCB sales representative by e-mail, specifying your invoice number, your domain name (OCB000XXXX) and describing your billing problem.\nOtherwise you can contact support and declare an incident by going to the Incidents page via the “Incident declaration” tab. To choose the holder on which to report an incident, click on the “Scope” button in the top right-hand corner and select a holder. Click on “Report an incident” and fill in the form before clicking on “Validate” to open an incident ticket. Once the ticket has been opened, you will be able to follow the management of incidents via the “Recent Incidents” tab.\nFor more information, please refer to the document Incident Management.',
      fr: 'En cas de problème, vous pouvez contacter votre commercial OCB par e-mail en précisant votre numéro de facture, votre nom de domaine (OCB000XXXX) et en décrivant votre problème de facturation.\nSinon, vous pouvez contacter le support et déclarer un incident depuis la page Incidents, onglet « Déclaration d’incident ». Pour choisir le tenant concerné, cliquez sur le bouton « Périmètre » en haut à droite et sélectionnez un tenant. Cliquez sur « Déclarer un incident » et remplissez le formulaire avant de cliquer sur « Valider » pour ouvrir un ticket d’incident. Une fois le ticket ouvert, vous pouvez suivre son traitement dans l’onglet « Incidents récents ».\nPour en savoir plus, consultez le document Gestion des incidents.',
    },
    keywords: ['invoice', 'facture', 'bill', 'billing', 'facturation', 'error', 'erreur', 'problem', 'problème'],
  },
  {
    id: 'corrective-bills',
    topic: 'administrative',
    question: { en: 'Which bills does my customer space show?', fr: 'Quelles factures mon espace client affiche-t-il ?' },
    answer: {
      en: 'Your Cloudstore Customer Space displays all the bills that have been sent to you by OBS, including any corrective bills.',
      fr: 'Votre Espace Client Cloudstore affiche toutes les factures que OBS vous a envoyées, y compris les éventuelles factures rectificatives.',
    },
    keywords: ['invoice', 'facture', 'credit note', 'avoir', 'corrective', 'rectificative'],
  },
  {
    id: 'invoice-references',
    topic: 'administrative',
    question: { en: 'What are the invoice references REF1, REF2 and REF3 and how do I change them?', fr: 'Que sont les références de facture REF1, REF2 et REF3 et comment les modifier ?' },
    answer: {
      en: 'Each contract visible from the Cloudstore Customer Space has 3 references called REF1 / REF2 / REF3 which are shown on the first page of the bill:\nIn the field “Your reference”: REF1 (for example AA00606838) next to the contract code OCB000NNNNNNN.\nIn the “Reference” field: the data REF2 (for example PJ00010399) and REF3 (for example OCB0001999) next to the usage period.\nOnly the contract referent can make a request for a change of bill references, and this from his Cloudstore Customer Space. To do this, he must go to the “Services” tab and then, in the catalogue, he can access the “Modify your invoices external references” service free of charge.\nNote: if you have several tenants and have asked to activate bills grouping, the “multi-services” contract that has been created has the same information but it cannot be edited via the Cloudstore Customer Space: you must make a request to your OCB sales representative.',
      fr: 'Chaque contrat visible depuis l’Espace Client Cloudstore possède 3 références, REF1 / REF2 / REF3, qui figurent sur la première page de la facture :\nDans le champ « Votre référence » : REF1 (par exemple AA00606838), à côté du code de contrat OCB000NNNNNNN.\nDans le champ « Référence » : REF2 (par exemple PJ00010399) et REF3 (par exemple OCB0001999), à côté de la période d’utilisation.\nSeul le référent du contrat peut demander une modification des références de facture, depuis son Espace Client Cloudstore : dans l’onglet « Services », puis dans le catalogue, il accède gratuitement au service « Modifier les références externes de vos factures ».\nRemarque : si vous avez plusieurs tenants et avez demandé le regroupement des factures, le contrat « multi-services » créé porte les mêmes informations mais ne peut pas être modifié depuis l’Espace Client Cloudstore : adressez votre demande à votre commercial OCB.',
    },
    keywords: ['invoice', 'facture', 'bill', 'ref1', 'ref2', 'ref3', 'reference', 'référence', 'references', 'références'],
  },
  {
    id: 'roles-and-rights',
    topic: 'administrative',
    question: { en: 'Which roles can users have in the customer space?', fr: 'Quels rôles les utilisateurs peuvent-ils avoir dans l’espace client ?' },
    answer: {
      en: 'On your Cloudstore Customer Space, there are different roles that can be assigned to Flexible Engine users. These roles are specific to the different sections of the Cloudstore.\nTo learn more about the roles and the rights associated with them, please refer to the “Your Cloud Customer Area” section of our User Guide, p. 31.',
      fr: 'Dans votre Espace Client Cloudstore, différents rôles peuvent être attribués aux utilisateurs Flexible Engine. Ces rôles sont propres aux différentes sections du Cloudstore.\nPour en savoir plus sur les rôles et les droits associés, consultez la section « Votre espace client Cloud » de notre Guide utilisateur, p. 31.',
    },
    keywords: ['role', 'rôle', 'rights', 'droits', 'permission', 'users', 'utilisateurs'],
  },
  {
    id: 'rename-contract',
    topic: 'administrative',
    question: { en: 'How do I change the name of my contract?', fr: 'Comment modifier le nom de mon contrat ?' },
    answer: {
      en: 'This service is only accessible to the referent user.\nFrom his Cloudstore Customer Space, the referent user must go to the “Services” tab. In the catalog, he or she can access the “Modify the name of your contract” service free of charge. This operation takes effect in a few minutes.',
      fr: 'Ce service n’est accessible qu’à l’utilisateur référent.\nDepuis son Espace Client Cloudstore, l’utilisateur référent va dans l’onglet « Services ». Dans le catalogue, il accède gratuitement au service « Modifier le nom de votre contrat ». L’opération prend effet en quelques minutes.',
    },
    keywords: ['rename', 'renommer', 'name', 'nom', 'contract', 'contrat'],
  },
  {
    id: 'open-incident',
    topic: 'administrative',
    question: { en: 'How do I open an incident ticket?', fr: 'Comment ouvrir un ticket d’incident ?' },
    answer: {
      en: 'To open an incident ticket, go to the Incidents page via the “Incident declaration” tab. To choose the tenant on which to report an incident, click on the “Scope” button in the top right corner and select a tenant. Click on “Report an incident” and fill in the form before clicking on “Validate” to open an incident ticket. Once the ticket is opened, you will be able to follow the management of incidents via the “Recent incidents” tab.\nFor more information, please refer to the document Incident Management.',
      fr: 'Pour ouvrir un ticket d’incident, allez sur la page Incidents via l’onglet « Déclaration d’incident ». Pour choisir le tenant concerné, cliquez sur le bouton « Périmètre » en haut à droite et sélectionnez un tenant. Cliquez sur « Déclarer un incident » et remplissez le formulaire avant de cliquer sur « Valider » pour ouvrir un ticket d’incident. Une fois le ticket ouvert, vous pouvez suivre son traitement dans l’onglet « Incidents récents ».\nPour en savoir plus, consultez le document Gestion des incidents.',
    },
    keywords: ['incident', 'ticket', 'panne', 'outage', 'bug', 'report', 'déclarer', 'problem', 'problème'],
  },
  {
    id: 'change-support-level',
    topic: 'administrative',
    question: { en: 'How do I change my support level?', fr: 'Comment changer de niveau de support ?' },
    answer: {
      en: 'There are four different levels of support: Basic, Standard, Business and Premium. Your level of support is determined at the creation of your tenant.\nTo request a change in support level for a tenant, contact your OBS sales representative, specifying your tenant number and the desired support level.\nSupport services are subscribed for a minimum of six months. During the commitment period, you can always change your support level but only to subscribe to a higher support level in the range. You will then be re-committed for six months on the new subscribed level.\nYour new support level will be applied from the next month once your request has been made.\nTo learn more about support levels and the services they provide, please see the “Support Offers” section of our Service Description.',
      fr: 'Il existe quatre niveaux de support : Basic, Standard, Business et Premium. Votre niveau de support est déterminé à la création de votre tenant.\nPour demander un changement de niveau de support pour un tenant, contactez votre commercial OBS en précisant le numéro du tenant et le niveau souhaité.\nLes services de support sont souscrits pour six mois minimum. Pendant la période d’engagement, vous pouvez toujours changer de niveau, mais uniquement pour un niveau supérieur de la gamme. Vous êtes alors réengagé pour six mois sur le nouveau niveau.\nVotre nouveau niveau de support s’applique à partir du mois suivant votre demande.\nPour en savoir plus sur les niveaux de support et les services qu’ils comprennent, consultez la section « Offres de support » de notre Description de service.',
    },
    keywords: ['support', 'level', 'niveau', 'upgrade', 'premium', 'business'],
  },
  {
    id: 'see-support-level',
    topic: 'administrative',
    question: { en: 'Where can I see my tenant’s support level?', fr: 'Où voir le niveau de support de mon tenant ?' },
    answer: {
      en: 'The level of support that your tenant benefits from is visible in the Cloud Store: it is registered in the “Contract” tab of your tenant.\nNote: if you have several tenants, it is possible that their levels of support are different from each other.',
      fr: 'Le niveau de support dont bénéficie votre tenant est visible dans le Cloud Store : il figure dans l’onglet « Contrat » de votre tenant.\nRemarque : si vous avez plusieurs tenants, leurs niveaux de support peuvent être différents.',
    },
    keywords: ['support', 'level', 'niveau', 'contract', 'contrat'],
  },
  {
    id: 'reserved-instance-availability',
    topic: 'administrative',
    question: { en: 'Does a flexible reserved instance guarantee availability?', fr: 'Une instance réservée flexible garantit-elle la disponibilité ?' },
    answer: {
      en: 'Subscription to a Flexible Reserved Instance is a pricing option and does not guarantee resource availability. If you want to subscribe to an instance that is not yet used, it is recommended to check its availability on the technical console.',
      fr: 'La souscription à une instance réservée flexible est une option tarifaire et ne garantit pas la disponibilité des ressources. Si vous souhaitez souscrire à une instance que vous n’utilisez pas encore, vérifiez d’abord sa disponibilité dans la console technique.',
    },
    keywords: ['reserved', 'réservée', 'instance', 'availability', 'disponibilité', 'flavor'],
  },
  {
    id: 'order-workspace-reservation',
    topic: 'administrative',
    question: { en: 'How do I subscribe to reserved Workspace resources?', fr: 'Comment souscrire des ressources Workspace réservées ?' },
    answer: {
      en: 'From your Cloudstore Customer Space, go to the “Services” tab. In the service catalog, go to “Reserve Workspace resources” and click on “Order”. Select the characteristics of your subscription (region, template and number of instances) and check the desired subscription in the list of available subscriptions before clicking on “Next”. Check the characteristics of your subscription and the method of payment in the summary of your order and finalize your order by clicking on “Order”.\nWarning: subscribing to a Reserved Instance is a pricing option and does not guarantee resource availability. If your target flavor is not already in use, it is recommended to check the availability on the technical console.',
      fr: 'Depuis votre Espace Client Cloudstore, allez dans l’onglet « Services ». Dans le catalogue de services, choisissez « Réserver des ressources Workspace » et cliquez sur « Commander ». Sélectionnez les caractéristiques de votre abonnement (région, modèle et nombre d’instances) et cochez l’abonnement souhaité dans la liste des abonnements disponibles avant de cliquer sur « Suivant ». Vérifiez les caractéristiques de votre abonnement et le mode de paiement dans le récapitulatif de commande, puis finalisez en cliquant sur « Commander ».\nAttention : souscrire une instance réservée est une option tarifaire et ne garantit pas la disponibilité des ressources. Si le gabarit visé n’est pas déjà utilisé, vérifiez sa disponibilité dans la console technique.',
    },
    keywords: ['workspace', 'reserved', 'réservée', 'order', 'commander', 'subscription', 'abonnement'],
  },
  {
    id: 'cancel-workspace-subscription',
    topic: 'administrative',
    question: { en: 'How do I cancel a Workspace subscription?', fr: 'Comment résilier un abonnement Workspace ?' },
    answer: {
      en: 'You can cancel your workspace subscription from the Cloudstore Customer Space by going to the “Subscriptions” tab. To do so, click on the “Cancel” button on the right of the workspace subscription you wish to cancel.\nIf you have a subscription that concerns several workspace instances, you can select the number of instances to cancel.\nThe cancellation of your workspace subscription will be effective on the first day of the month following the cancellation action.',
      fr: 'Vous pouvez résilier votre abonnement Workspace depuis l’Espace Client Cloudstore, dans l’onglet « Abonnements ». Cliquez pour cela sur le bouton « Résilier » à droite de l’abonnement Workspace concerné.\nSi votre abonnement porte sur plusieurs instances Workspace, vous pouvez choisir le nombre d’instances à résilier.\nLa résiliation de votre abonnement Workspace prend effet le premier jour du mois qui suit la demande.',
    },
    keywords: ['workspace', 'cancel', 'résilier', 'résiliation', 'subscription', 'abonnement'],
  },
  // Cloud service management
  {
    id: 'getting-started',
    topic: 'cloud_services',
    question: { en: 'How do I get started with Flexible Engine?', fr: 'Comment bien démarrer avec Flexible Engine ?' },
    answer: {
      en: 'The Flexible Engine offer has a multitude of services and functionalities. The Getting started guide is available to help you get started in the best possible conditions and quickly build an infrastructure adapted to your needs.\nFor more information, you can read our tutorials on our YouTube channel How To Cloud and our explanatory videos.',
      fr: 'L’offre Flexible Engine comprend une multitude de services et de fonctionnalités. Le guide de démarrage vous aide à bien commencer et à construire rapidement une infrastructure adaptée à vos besoins.\nPour en savoir plus, consultez nos tutoriels sur notre chaîne YouTube How To Cloud et nos vidéos explicatives.',
    },
    keywords: ['start', 'démarrer', 'guide', 'tutorial', 'tutoriel', 'video', 'vidéo', 'begin', 'débuter'],
  },
  {
    id: 'orderable-services',
    topic: 'cloud_services',
    question: { en: 'Which services can I order from my customer space?', fr: 'Quels services puis-je commander depuis mon espace client ?' },
    answer: {
      en: 'In your Cloudstore Customer Space, the Services tab shows you a catalog of services that can be ordered for you. A complete description of each of these services is available on the Features page.',
      fr: 'Dans votre Espace Client Cloudstore, l’onglet Services présente le catalogue des services que vous pouvez commander. Une description complète de chacun de ces services est disponible sur la page Fonctionnalités.',
    },
    keywords: ['catalog', 'catalogue', 'order', 'commander', 'services'],
  },
  {
    id: 'services-documentation',
    topic: 'cloud_services',
    question: { en: 'Where can I find the description and documentation of the services?', fr: 'Où trouver la description et la documentation des services ?' },
    answer: {
      en: 'Flexible Engine offers many services. You can find a detailed description of the different services on the Orange Business Services site on the Features page. A summary of all services is also available in the Functionalities overview.\nEach of our services is regularly updated. To see the list of what is new in Flexible Engine, go to the Release notes Flexible Engine page.\nTechnical documentation for all these services is available in the Help Center.',
      fr: 'Flexible Engine propose de nombreux services. Leur description détaillée se trouve sur le site Orange Business Services, page Fonctionnalités. Un résumé de tous les services est aussi disponible dans la Vue d’ensemble des fonctionnalités.\nChacun de nos services est régulièrement mis à jour. Pour voir les nouveautés de Flexible Engine, consultez la page Release notes Flexible Engine.\nLa documentation technique de tous ces services est disponible dans le Help Center.',
    },
    keywords: ['documentation', 'doc', 'help center', 'release notes', 'nouveautés', 'features', 'fonctionnalités'],
  },
  {
    id: 'reserved-ecs-instances',
    topic: 'cloud_services',
    question: { en: 'What are reserved Elastic Cloud Server instances?', fr: 'Que sont les instances Elastic Cloud Server réservées ?' },
    answer: {
      en: 'Reserving Elastic Cloud Server instances allows you to save money compared to pay-per-use billing.\nFlexible Engine offers two types of subscriptions for reserved instances:\nStandard Elastic Cloud Server reserved instances.\nFlexible Elastic Cloud Server reserved instances.\nFlexible instance reservation allows you to modify your reserved instances during the period of your subscription.',
      fr: 'Réserver des instances Elastic Cloud Server vous permet de faire des économies par rapport à la facturation à l’usage.\nFlexible Engine propose deux types d’abonnements aux instances réservées :\nLes instances réservées Elastic Cloud Server standard.\nLes instances réservées Elastic Cloud Server flexibles.\nLa réservation flexible vous permet de modifier vos instances réservées pendant la durée de votre abonnement.',
    },
    keywords: ['ecs', 'reserved', 'réservée', 'instance', 'server', 'serveur', 'savings', 'économies'],
  },
  {
    id: 'order-reserved-ecs',
    topic: 'cloud_services',
    question: { en: 'How do I order reserved Elastic Cloud Server instances?', fr: 'Comment commander des instances Elastic Cloud Server réservées ?' },
    answer: {
      en: 'From your Cloudstore customer area, go to the “Services” tab. In the service catalogue, go to “Reservation of standard or flexible Elastic Cloud Server instances” and click on “Order”. Select the characteristics of your subscription (region, template and number of instances) and check the desired subscription in the list of available subscriptions before clicking on “Next”. Check the characteristics of your subscription and the method of payment in the summary of your order and finalise your order by clicking on “Order”.\nPlease note: subscribing to a Reserved Instance is a price option and does not guarantee the availability of the resource. If you wish to subscribe to an instance that is not yet in use, it is recommended that you check its availability on the technical console.',
      fr: 'Depuis votre espace client Cloudstore, allez dans l’onglet « Services ». Dans le catalogue de services, choisissez « Réservation d’instances Elastic Cloud Server standard ou flexibles » et cliquez sur « Commander ». Sélectionnez les caractéristiques de votre abonnement (région, modèle et nombre d’instances) et cochez l’abonnement souhaité dans la liste des abonnements disponibles avant de cliquer sur « Suivant ». Vérifiez les caractéristiques de votre abonnement et le mode de paiement dans le récapitulatif de commande, puis finalisez en cliquant sur « Commander ».\nÀ noter : souscrire une instance réservée est une option tarifaire et ne garantit pas la disponibilité de la ressource. Si vous souhaitez souscrire une instance que vous n’utilisez pas encore, vérifiez d’abord sa disponibilité dans la console technique.',
    },
    keywords: ['ecs', 'reserved', 'réservée', 'order', 'commander', 'instance'],
  },
  {
    id: 'increase-quotas',
    topic: 'cloud_services',
    question: { en: 'How do I request a quota increase?', fr: 'Comment demander une augmentation de quotas ?' },
    answer: {
      en: 'Go to the Change Requests page and click on the “Request a change” button.\nIn the “Change catalog” list select “Catalogue de Changement Standard”.\nUnder “Category”, select “Gestion des Quotas”.\nThen select an option in “Change item” and complete the form before confirming your request.\nFor more information, please refer to the Change Management documentation.',
      fr: 'Allez sur la page Demandes de changement et cliquez sur le bouton « Demander un changement ».\nDans la liste « Catalogue de changements », choisissez « Catalogue de Changement Standard ».\nDans « Catégorie », choisissez « Gestion des Quotas ».\nChoisissez ensuite une option dans « Article de changement » et remplissez le formulaire avant de confirmer votre demande.\nPour en savoir plus, consultez la documentation Gestion des changements.',
    },
    keywords: ['quota', 'quotas', 'limit', 'limite', 'change', 'changement', 'increase', 'augmenter'],
  },
  {
    id: 'cloud-alliance-regions',
    topic: 'cloud_services',
    question: { en: 'How do I access the Cloud Alliance regions?', fr: 'Comment accéder aux régions de la Cloud Alliance ?' },
    answer: {
      en: 'Access more regions and their datacenters around the world through the Cloud Alliance.\nTo take advantage of this service, go to your Cloudstore Customer Space and access the “Services” tab. In the services catalog, go to “Cloud Alliance Regions” and click on “Order”. Fill out the form and click on “Order” to confirm your order. You will receive an email asking you for additional information to set up your accesses. As soon as the settings have been made, we will send you your ID to access the Cloud Alliance regions.',
      fr: 'Accédez à davantage de régions et à leurs centres de données dans le monde grâce à la Cloud Alliance.\nPour profiter de ce service, allez dans votre Espace Client Cloudstore, onglet « Services ». Dans le catalogue de services, choisissez « Régions Cloud Alliance » et cliquez sur « Commander ». Remplissez le formulaire et cliquez sur « Commander » pour confirmer. Vous recevez un e-mail vous demandant les informations complémentaires nécessaires à la mise en place de vos accès. Dès le paramétrage effectué, nous vous envoyons votre identifiant d’accès aux régions de la Cloud Alliance.',
    },
    keywords: ['region', 'région', 'alliance', 'datacenter', 'international'],
  },
  {
    id: 'dec-dss',
    topic: 'cloud_services',
    question: { en: 'How do I order the DeC or DSS service?', fr: 'Comment commander le service DeC ou DSS ?' },
    answer: {
      en: 'From the Cloudstore, go to the “Services” tab. In the services catalogue, you can order your DeC or DSS service on your tenant: an OBS agent will contact you to establish a quote adapted to your needs and explain the procedure to follow. You can also order this service by contacting our customer service via your Cloudstore Customer Space. Once this quote has been validated, your new service can be installed on your tenant. You will find the description of the DeC and DSS services on the Flexible Engine features page.',
      fr: 'Depuis le Cloudstore, allez dans l’onglet « Services ». Dans le catalogue de services, vous pouvez commander votre service DeC ou DSS sur votre tenant : un agent OBS vous contacte pour établir un devis adapté à vos besoins et vous expliquer la marche à suivre. Vous pouvez aussi commander ce service en contactant notre service client depuis votre Espace Client Cloudstore. Une fois le devis validé, votre nouveau service peut être installé sur votre tenant. La description des services DeC et DSS se trouve sur la page Fonctionnalités de Flexible Engine.',
    },
    keywords: ['dec', 'dss', 'dedicated', 'dédié', 'quote', 'devis', 'storage', 'stockage'],
  },
  {
    id: 'file-and-applicative-backup',
    topic: 'cloud_services',
    question: { en: 'How do I get the File and Applicative Backup (FAB) service?', fr: 'Comment obtenir le service File and Applicative Backup (FAB) ?' },
    answer: {
      en: 'From your Cloudstore customer area, go to the “Services” tab. In the catalog, you can request the File and Applicative Backup (FAB) service. Once this service has been activated on your tenant, the domain manager will receive access to the FAB console. He will then be able to give access to this console for the other users of the tenant. To do this, he will have to access the “Users” tab of his Cloudstore Customer Space, then go to the rights on the “Backup console” section and choose the “Cust_Admin” role.',
      fr: 'Depuis votre espace client Cloudstore, allez dans l’onglet « Services ». Dans le catalogue, vous pouvez demander le service File and Applicative Backup (FAB). Une fois ce service activé sur votre tenant, le gestionnaire du domaine reçoit un accès à la console FAB. Il peut ensuite donner accès à cette console aux autres utilisateurs du tenant : dans l’onglet « Utilisateurs » de son Espace Client Cloudstore, il ouvre les droits de la section « Console de sauvegarde » et choisit le rôle « Cust_Admin ».',
    },
    keywords: ['backup', 'sauvegarde', 'fab', 'restore', 'restauration'],
  },
  {
    id: 'appliance-marketplace',
    topic: 'cloud_services',
    question: { en: 'What is the Appliance Marketplace?', fr: 'Qu’est-ce que l’Appliance Marketplace ?' },
    answer: {
      en: 'The Appliance Marketplace references various applications from our partners that we have selected and validated on Flexible Engine. Access the Application Catalog to discover our partners’ applications. Click on an application for more information about the solution, pricing, installation process, or support. Follow the installation procedure for each appliance to install them on your Flexible Engine domain.',
      fr: 'L’Appliance Marketplace référence diverses applications de nos partenaires, sélectionnées et validées par nos soins sur Flexible Engine. Consultez le Catalogue d’applications pour découvrir les applications de nos partenaires. Cliquez sur une application pour en savoir plus sur la solution, sa tarification, son installation ou son support. Suivez la procédure d’installation de chaque appliance pour l’installer sur votre domaine Flexible Engine.',
    },
    keywords: ['marketplace', 'appliance', 'application', 'partner', 'partenaire'],
  },
  {
    id: 'direct-connect',
    topic: 'cloud_services',
    question: { en: 'What is Direct Connect and how do I set it up?', fr: 'Qu’est-ce que Direct Connect et comment le mettre en place ?' },
    answer: {
      en: 'The Direct Connect service is a Flexible Engine service that allows you to connect your internal private network to a Flexible Engine Virtual Private Cloud.\nThe Flexible Engine Direct Connect Premium service allows you to configure your Direct Connect connection via the Flexible Engine console. To use this service, you will first need to order your Business VPN Galerie connections from Orange Business Services. Then your Business VPN owner needs to contact Orange Business Services to order a Galerie VPN access to Flexible Engine. Upon receipt of your request, Orange Business will extend the reach of your Orange Business VPN to the desired location of the Flexible Engine Direct Connect and configure your hosted connections.\nOnce your connections are configured, you will receive a notification from Orange Business with technical details. The OBS Galerie VPN hosted connections will appear on your Flexible Engine console. You will then be able to complete the configuration of your connections (subnets, gateway…).\nTo learn more and access the user guide for this service, visit the Direct Connect service page.',
      fr: 'Direct Connect est un service Flexible Engine qui vous permet de relier votre réseau privé interne à un Virtual Private Cloud Flexible Engine.\nLe service Flexible Engine Direct Connect Premium vous permet de configurer votre connexion Direct Connect depuis la console Flexible Engine. Pour l’utiliser, commandez d’abord vos connexions Business VPN Galerie auprès d’Orange Business Services. Le titulaire de votre Business VPN contacte ensuite Orange Business Services pour commander un accès VPN Galerie vers Flexible Engine. À réception de votre demande, Orange Business étend votre Business VPN jusqu’à l’emplacement Direct Connect Flexible Engine souhaité et configure vos connexions hébergées.\nUne fois vos connexions configurées, vous recevez une notification d’Orange Business avec les détails techniques. Les connexions hébergées OBS Galerie VPN apparaissent dans votre console Flexible Engine. Vous pouvez alors terminer la configuration de vos connexions (sous-réseaux, passerelle…).\nPour en savoir plus et accéder au guide utilisateur de ce service, consultez la page du service Direct Connect.',
    },
    keywords: ['vpn', 'network', 'réseau', 'vpc', 'direct connect', 'galerie'],
  },
]
